using System.Text;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.Platform;

/// <summary>The cluster-settings ConfigMap: every <see cref="SettingVariable"/> as a key, for Flux post-build substitution.</summary>
public static class ClusterSettingsManifest
{
    public const string Name = "cluster-settings";

    public static string Write(IReadOnlyList<SettingVariable> variables)
    {
        var text = new StringBuilder()
            .Append(PlatformRenderer.Header)
            .Append("# Cluster-specific values for Flux post-build substitution: a Kustomization that lists this ConfigMap\n")
            .Append("# under spec.postBuild.substituteFrom may use ${NAME} for any key below (docs/gitops-tree.md).\n")
            .Append("---\n")
            .Append("apiVersion: v1\n")
            .Append("kind: ConfigMap\n")
            .Append("metadata:\n")
            .Append("  name: ").Append(Name).Append('\n')
            .Append("  namespace: flux-system\n")
            .Append("data:\n");
        foreach (var variable in variables)
        {
            text.Append("  # ").Append(YamlText.CommentText(variable.Source)).Append('\n')
                .Append("  ").Append(variable.Name).Append(": ").Append(YamlScalarStyle.DoubleQuoted(variable.Value)).Append('\n');
        }

        return text.ToString();
    }
}
