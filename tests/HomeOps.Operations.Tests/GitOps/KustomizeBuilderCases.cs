namespace HomeOps.Operations.Tests.GitOps;

/// <summary>Small trees for <see cref="KustomizeBuilderTests"/>: files under app/ and text appended to the overlay.</summary>
internal static class KustomizeBuilderCases
{
    private const string Resources = "resources:\n  - manifest.yaml\n";

    private static (Dictionary<string, string> Files, string Overlay) App(string manifest, string kustomization = Resources, string overlay = "") =>
        (new Dictionary<string, string> { ["app/kustomization.yaml"] = kustomization, ["app/manifest.yaml"] = manifest }, overlay);

    public static readonly Dictionary<string, (Dictionary<string, string> Files, string Overlay)> All = new(StringComparer.Ordinal)
    {
        ["strings that read as other types"] = App("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: quoting
            data:
              yes: "yes"
              on: "on"
              "no": n
              number: "8080"
              octal: "0755"
              float: "1e3"
              hex: "0x1F"
              date: "2024-01-31"
              notDate: "2024-13-45"
              time: "12:30"
              empty: ""
              tilde: "~"
              nullWord: "null"
              trueWord: "True"
              version: 1.2.3
              dotted: ".5"
              dash: "-"
              dashWord: -foo
              colon: "a: b"
              hash: "a #b"
              leadingHash: "#x"
              star: "*x"
              ampersand: "&x"
              bang: "!x"
              percent: "%x"
              at: "@x"
              backtick: "`x"
              brace: "{x}"
              bracket: "[x]"
              quote: "'x'"
              dquote: 'say "hi"'
              lead: " leading"
              trail: "trailing "
              tab: "a\tb"
              unicode: "grüße ✓"
              emoji: "rocket 🚀"
              control: "bell\u0007"
              nbsp: "a\u00a0b"
              question: "? x"
              docStart: "--- x"
            """),
        ["numbers booleans and nulls"] = App("""
            apiVersion: example.com/v1
            kind: Thing
            metadata:
              name: numbers
            spec:
              int: 42
              negative: -7
              zero: 0
              octal: 0755
              hex: 0x1F
              underscore: 1_000
              float: 0.5
              wholeFloat: 1.0
              exponent: 1e3
              leadingDot: .25
              leadingZeroFloat: 08
              bool: true
              Bool: True
              yes: yes
              off: off
              null1: null
              null2: ~
              null3:
              big: 9007199254740992
            """),
        ["long strings fold past column 80"] = App("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: folding
              annotations:
                description: This is a long description of the object that goes on and on well past the eightieth column of the line.
            data:
              plain: one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
              single: "a: b one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
              double: "yes\u0007 one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
              doubleSpaces: "x\u0007 one two three four five six seven eight nine ten eleven twelve thirteen  fourteen  fifteen  sixteen"
              nospace: abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz
            """),
        ["block scalars"] = App("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: blocks
            data:
              clip: |
                line one
                line two
              strip: |-
                no final newline
              keep: |+
                kept

              leading: |2
                  indented first line
                next
              blank: |
                first

                after blank
              trailingSpace: "ends with space \nnext"
              folded: >
                one
                two

                three
              foldedMore: >-
                obj.exists(c,
                  c.image
                )
              foldedKeep: >+
                keep

            """),
        ["key order"] = App("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: keys
            data:
              a10: x
              a2: x
              a01: x
              a1: x
              b-c: x
              b.c: x
              b_c: x
              bC: x
              B: x
              "1": x
              "10": x
              "9": x
              z: x
              Äpfel: x
            """),
        ["merge keys and anchors"] = App("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: anchors
              labels: &labels
                app: demo
                tier: web
            data:
              base: &base value
              copy: *base
            ---
            apiVersion: example.com/v1
            kind: Thing
            metadata:
              name: merged
            spec:
              defaults: &defaults
                a: 1
                b: 2
              override:
                <<: *defaults
                b: 3
              list:
                <<: [*defaults, {c: 4}]
            """),
        ["empty and nested values"] = App("""
            apiVersion: example.com/v1
            kind: Thing
            metadata:
              name: nested
              annotations:
                number: 1
                bool: true
                float: 1.50
                empty:
            spec:
              emptyMap: {}
              emptyList: []
              listOfMaps:
                - name: a
                  value: 1
                - {}
                - name: b
                  items: [x, y]
                  nested:
                    deep: true
              listOfScalars: [1, "two", three]
            """),
        ["namespace transformer"] = (new Dictionary<string, string>
        {
            ["app/kustomization.yaml"] = "namespace: apps\nresources:\n  - manifest.yaml\n",
            ["app/manifest.yaml"] = """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: not-used
                ---
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata:
                  name: custom-cluster-scoped
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: reader
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata:
                  name: binding
                roleRef:
                  apiGroup: rbac.authorization.k8s.io
                  kind: ClusterRole
                  name: reader
                subjects:
                  - kind: ServiceAccount
                    name: default
                  - kind: ServiceAccount
                    name: other
                    namespace: elsewhere
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: overridden
                spec:
                  replicas: 1
                """,
        }, string.Empty),
        ["flux overlay patches and components"] = (new Dictionary<string, string>
        {
            ["app/kustomization.yaml"] = Resources,
            ["app/manifest.yaml"] = """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata:
                  name: web
                  labels:
                    keep: me
                spec:
                  interval: 1h
                  values:
                    list: [1, 2]
                    map:
                      a: 1
                ---
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata:
                  name: child
                spec:
                  path: ./x
                """,
            ["component/kustomization.yaml"] = "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n  - alert.yaml\npatches:\n  - target:\n      kind: HelmRelease\n    patch: |-\n      - op: add\n        path: /spec/dependsOn\n        value: [{name: db, namespace: database}]\n      - op: replace\n        path: /spec/interval\n        value: 30m\n",
            ["component/alert.yaml"] = "apiVersion: notification.toolkit.fluxcd.io/v1beta3\nkind: Alert\nmetadata:\n  name: web\nspec:\n  eventSeverity: error\n",
        }, """
            namespace: "apps"
            components:
              - "__ROOT__/component"
            patches:
            - patch: |-
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata:
                  name: _
                  labels:
                    added: "1"
                spec:
                  install:
                    crds: CreateReplace
                  values:
                    list: [3]
                    map:
                      b: 2
              target:
                group: helm.toolkit.fluxcd.io
                kind: HelmRelease
            - patch: |-
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata:
                  name: _
                spec:
                  wait: true
              target:
                kind: Kustomization
            """),
        ["config map generator without hash"] = (new Dictionary<string, string>
        {
            ["app/kustomization.yaml"] = """
                resources:
                  - manifest.yaml
                configMapGenerator:
                  - name: settings
                    namespace: tools
                    files:
                      - config/settings.yaml
                      - renamed.conf=config/app.conf
                    literals:
                      - LOG_LEVEL=debug
                      - QUOTED="with spaces"
                      - NUMBER=8080
                    options:
                      labels:
                        app: demo
                generatorOptions:
                  disableNameSuffixHash: true
                  annotations:
                    note: generated
                """,
            ["app/manifest.yaml"] = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n",
            ["app/config/settings.yaml"] = "log_level: info\nlisten: \":8080\"\n",
            ["app/config/app.conf"] = "no trailing newline",
        }, string.Empty),
        ["config map generator with a name hash and the references kustomize renames"] = (new Dictionary<string, string>
        {
            ["app/kustomization.yaml"] = """
                namespace: tools
                resources:
                  - workloads.yaml
                configMapGenerator:
                  - name: settings
                    files:
                      - config/settings.conf
                    literals:
                      - HTML=<a href="x">&amp;</a>
                      - UNICODE=grüße ✓ 🚀
                      - BACKSLASH=C:\path\to
                  - name: empty
                  - name: unused
                    literals: [a=b]
                """,
            ["app/workloads.yaml"] = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      initContainers:
                        - name: init
                          image: busybox
                          envFrom:
                            - configMapRef:
                                name: settings
                      containers:
                        - name: web
                          image: nginx
                          env:
                            - name: LEVEL
                              valueFrom:
                                configMapKeyRef:
                                  name: settings
                                  key: HTML
                      volumes:
                        - name: config
                          configMap:
                            name: settings
                        - name: both
                          projected:
                            sources:
                              - configMap:
                                  name: empty
                ---
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: nightly
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          restartPolicy: OnFailure
                          containers:
                            - name: job
                              image: busybox
                              envFrom:
                                - configMapRef:
                                    name: settings
                """,
            ["app/config/settings.conf"] = "listen = \"0.0.0.0:8080\"\n\ttabbed\n",
        }, string.Empty),
    };
}
