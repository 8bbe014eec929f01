namespace HomeOps.Fakes.Kubernetes;

/// <summary>Kubeconfig files for the fake server: plain HTTP, a token user (KubernetesClient insists on some credential).</summary>
public static class FakeKubeconfig
{
    public static string Content(string server, string clusterName = "home-ops") => $"""
        apiVersion: v1
        kind: Config
        clusters:
          - name: {clusterName}
            cluster:
              server: {server}
        users:
          - name: admin@{clusterName}
            user:
              token: fake-token
        contexts:
          - name: admin@{clusterName}
            context:
              cluster: {clusterName}
              user: admin@{clusterName}
              namespace: default
        current-context: admin@{clusterName}
        """;

    public static string Write(string path, string server, string clusterName = "home-ops")
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Content(server, clusterName));
        return path;
    }
}
