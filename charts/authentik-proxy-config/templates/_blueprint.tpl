{{/*
The Authentik blueprint (version 1) of every service: providers, applications, access bindings, the groups, the
outpost and its token. Authentik's worker applies it whenever the file's content changes (and retries hourly until
an apply succeeds); each entry is keyed by identifiers, so applying it again changes nothing. Secret values are
External Secrets template references (apc.secretValue), filled in when the Secret is written.
*/}}
{{- define "apc.blueprint" -}}
{{- $root := . -}}
{{- $v := .Values -}}
{{- $proxy := list -}}
{{- $oidc := list -}}
{{- range $v.services -}}
{{- if eq .mode "proxy" }}{{ $proxy = append $proxy . }}{{ else }}{{ $oidc = append $oidc . }}{{ end -}}
{{- end -}}
{{- $uuid := $v.outpost.uuid | lower -}}
{{- $tokenIdentifier := printf "ak-outpost-%s-api" $uuid -}}
# Rendered by charts/authentik-proxy-config (Helm) and External Secrets; edit the chart's values, not this.
version: 1
metadata:
  name: {{ printf "%s services" $v.outpost.name }}
  labels:
    blueprints.goauthentik.io/description: Providers, applications and the proxy outpost of the services in charts/authentik-proxy-config
entries:
  # Authentik's own blueprints this one refers to: the admin group, the default flows and scope mappings.
  - model: authentik_blueprints.metaapplyblueprint
    attrs:
      identifiers:
        name: authentik Bootstrap
      required: true
  - model: authentik_blueprints.metaapplyblueprint
    attrs:
      identifiers:
        name: Default - Provider authorization flow (implicit consent)
      required: true
  - model: authentik_blueprints.metaapplyblueprint
    attrs:
      identifiers:
        name: Default - Provider invalidation flow
      required: true
  {{- if $proxy }}
  - model: authentik_blueprints.metaapplyblueprint
    attrs:
      identifiers:
        name: System - Proxy Provider - Scopes
      required: true
  {{- end }}
  {{- if $oidc }}
  - model: authentik_blueprints.metaapplyblueprint
    attrs:
      identifiers:
        name: System - OAuth2 Provider - Scopes
      required: true
  {{- end }}
  {{- range $v.groups }}
  - model: authentik_core.group
    identifiers:
      name: {{ .name | quote }}
  {{- end }}
  {{- range $v.services }}
  {{- $service := . }}
  {{- $host := include "apc.host" (dict "root" $root "service" .) }}
  # {{ .displayName }} ({{ .mode }})
  {{- if eq .mode "proxy" }}
  - model: authentik_providers_proxy.proxyprovider
    id: provider-{{ .name }}
    identifiers:
      name: {{ .name | quote }}
    attrs:
      mode: proxy
      external_host: {{ printf "https://%s" $host | quote }}
      internal_host: {{ .internalUrl | quote }}
      internal_host_ssl_validation: {{ not .insecureSkipVerify }}
      skip_path_regex: {{ .skipPathRegex | default "" | quote }}
      authorization_flow: !Find [authentik_flows.flow, [slug, {{ $v.authentik.authorizationFlow }}]]
      invalidation_flow: !Find [authentik_flows.flow, [slug, {{ $v.authentik.invalidationFlow }}]]
  {{- else }}
  - model: authentik_providers_oauth2.oauth2provider
    id: provider-{{ .name }}
    identifiers:
      name: {{ .name | quote }}
    attrs:
      client_type: confidential
      client_id: {{ .oidc.clientId | quote }}
      client_secret: {{ include "apc.secretValue" (include "apc.clientSecretKey" .) }}
      redirect_uris:
        - matching_mode: strict
          url: {{ printf "https://%s%s" $host .oidc.redirectPath | quote }}
      authorization_flow: !Find [authentik_flows.flow, [slug, {{ $v.authentik.authorizationFlow }}]]
      invalidation_flow: !Find [authentik_flows.flow, [slug, {{ $v.authentik.invalidationFlow }}]]
      signing_key: !Find [authentik_crypto.certificatekeypair, [name, {{ $v.authentik.signingKey | quote }}]]
      property_mappings:
        - !Find [authentik_providers_oauth2.scopemapping, [managed, goauthentik.io/providers/oauth2/scope-openid]]
        - !Find [authentik_providers_oauth2.scopemapping, [managed, goauthentik.io/providers/oauth2/scope-email]]
        - !Find [authentik_providers_oauth2.scopemapping, [managed, goauthentik.io/providers/oauth2/scope-profile]]
  {{- end }}
  - model: authentik_core.application
    id: application-{{ .name }}
    identifiers:
      slug: {{ .name | quote }}
    attrs:
      name: {{ .displayName | quote }}
      provider: !KeyOf provider-{{ .name }}
      meta_launch_url: {{ printf "https://%s" $host | quote }}
      meta_description: {{ .description | default "" | quote }}
      group: {{ $v.authentik.applicationGroup | quote }}
      policy_engine_mode: any
  {{- range $i, $group := .groups }}
  - model: authentik_policies.policybinding
    identifiers:
      target: !KeyOf application-{{ $service.name }}
      group: !Find [authentik_core.group, [name, {{ $group | quote }}]]
    attrs:
      order: {{ $i }}
      enabled: true
      negate: false
      timeout: 30
  {{- end }}
  {{- end }}
  {{- if $proxy }}
  {{- $serviceAccount := printf "ak-outpost-%s" (replace "-" "" $uuid) }}
  # The proxy outpost, then its token, then its service account's access to the providers. The order is Authentik's
  # (docs/services.md, "The outpost's token"): saving a new outpost creates its service account, with view access
  # to the outpost, and an API token with a random key; the token entry then finds that token by its identifier and
  # sets the key from 1Password. The blueprint never declares the service account itself: Authentik makes it an
  # internal service account, which no blueprint may change afterwards.
  - model: authentik_outposts.outpost
    id: outpost
    identifiers:
      pk: {{ $uuid | quote }}
    attrs:
      name: {{ $v.outpost.name | quote }}
      type: proxy
      providers:
        {{- range $proxy }}
        - !KeyOf provider-{{ .name }}
        {{- end }}
      config:
        authentik_host: {{ $v.authentik.internalUrl | quote }}
        authentik_host_browser: {{ include "apc.authentikUrl" $root | quote }}
        authentik_host_insecure: false
        log_level: {{ $v.outpost.logLevel | quote }}
    permissions:
      - permission: view_outpost
        user: !Find [authentik_core.user, [username, {{ $serviceAccount | quote }}]]
  - model: authentik_core.token
    identifiers:
      identifier: {{ $tokenIdentifier | quote }}
    attrs:
      user: !Find [authentik_core.user, [username, {{ $serviceAccount | quote }}]]
      intent: api
      expiring: false
      managed: {{ printf "goauthentik.io/outpost/%s" $tokenIdentifier | quote }}
      description: {{ printf "API token of the outpost %s (from 1Password: %s)" $v.outpost.name $v.outpost.token.item | quote }}
      key: {{ include "apc.secretValue" "outpostToken" }}
  # The service account's view access to each provider. Authentik grants it only from a task it queues while this
  # blueprint's transaction is still open; granting it here lets the outpost serve every service from the first apply.
  # Each entry names an existing provider (state created: nothing is saved, the permission is added).
  {{- range $proxy }}
  - model: authentik_providers_proxy.proxyprovider
    state: created
    identifiers:
      name: {{ .name | quote }}
    attrs:
      mode: proxy
      internal_host: {{ .internalUrl | quote }}
    permissions:
      - permission: view_proxyprovider
        user: !Find [authentik_core.user, [username, {{ $serviceAccount | quote }}]]
  {{- end }}
  {{- end }}
{{- end }}
