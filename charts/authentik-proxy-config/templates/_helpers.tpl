{{/*
Labels of every object of the chart.
*/}}
{{- define "apc.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end }}

{{/*
A service's external host: a name without a dot lives under .Values.domain. Call with (dict "root" $ "service" $s).
*/}}
{{- define "apc.host" -}}
{{- $host := .service.externalHost -}}
{{- if contains "." $host -}}
{{- $host -}}
{{- else -}}
{{- printf "%s.%s" $host .root.Values.domain -}}
{{- end -}}
{{- end }}

{{/*
Authentik's public URL.
*/}}
{{- define "apc.authentikUrl" -}}
{{- .Values.authentik.externalUrl | default (printf "https://authentik.%s" .Values.domain) | trimSuffix "/" -}}
{{- end }}

{{/*
A reference, inside the External Secrets template, to a value read from 1Password: rendered by External Secrets
(not by Helm) as a JSON string, which is also a valid YAML scalar whatever characters the secret holds.
*/}}
{{- define "apc.secretValue" -}}
{{- printf "{{ index . %q | toJson }}" . -}}
{{- end }}

{{/*
The External Secrets data key of a service's OAuth2 client secret.
*/}}
{{- define "apc.clientSecretKey" -}}
{{- printf "oidc-%s" .name -}}
{{- end }}

{{/*
Checks a service entry beyond what values.schema.json can say.
*/}}
{{- define "apc.validate" -}}
{{- $names := dict -}}
{{- range .Values.services -}}
{{- if hasKey $names .name -}}
{{- fail (printf "services: the name %q is used twice" .name) -}}
{{- end -}}
{{- $_ := set $names .name true -}}
{{- if and (eq .mode "oidc") (not .oidc) -}}
{{- fail (printf "services[%s]: mode oidc needs oidc.clientId, oidc.redirectPath and oidc.clientSecret" .name) -}}
{{- end -}}
{{- if and (eq .mode "proxy") .oidc -}}
{{- fail (printf "services[%s]: oidc settings are only for mode oidc" .name) -}}
{{- end -}}
{{- end -}}
{{- end }}
