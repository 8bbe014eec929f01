using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Patches;
using HomeOps.Runtime.Files;

namespace HomeOps.Operations.Talos;

/// <summary>Reads talos/patches/{all,controlplane,worker,nodes/&lt;name&gt;} in layer order, files sorted by name.</summary>
public static class TalosPatchLoader
{
    public static IReadOnlyList<TalosPatch> Load(Workspace workspace, ClusterDefinition config, DiagnosticBag diagnostics)
    {
        var root = workspace.PathOf(config.Talos.Patches);
        var files = workspace.Files;
        var patches = new List<TalosPatch>();
        Folder(Path.Combine(root, "all"), PatchScope.All, null);
        Folder(Path.Combine(root, "controlplane"), PatchScope.ControlPlane, null);
        Folder(Path.Combine(root, "worker"), PatchScope.Worker, null);
        var nodes = Path.Combine(root, "nodes");
        if (files.DirectoryExists(nodes))
        {
            foreach (var stray in files.EnumerateFiles(nodes, "*", recursive: false).Where(f => !Path.GetFileName(f).StartsWith('.')))
            {
                diagnostics.Add(DiagnosticCatalog.PatchFileIgnored.At(SourceSpan.File(workspace.Display(stray)), workspace.Display(stray)));
            }

            var nodeFolders = files.EnumerateFiles(nodes, "*", recursive: true)
                .Select(f => Path.GetRelativePath(nodes, f).Split(Path.DirectorySeparatorChar))
                .Where(parts => parts.Length > 1)
                .Select(parts => parts[0])
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal);
            foreach (var name in nodeFolders)
            {
                Folder(Path.Combine(nodes, name), PatchScope.Node, name);
            }
        }

        return patches;

        void Folder(string folder, PatchScope scope, string? node)
        {
            if (!files.DirectoryExists(folder))
            {
                return;
            }

            foreach (var file in files.EnumerateFiles(folder, "*", recursive: false).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                var display = workspace.Display(file);
                if (name.StartsWith('.'))
                {
                    continue;
                }

                if (!name.EndsWith(".yaml", StringComparison.Ordinal) && !name.EndsWith(".yml", StringComparison.Ordinal))
                {
                    diagnostics.Add(DiagnosticCatalog.PatchFileIgnored.At(SourceSpan.File(display), display));
                    continue;
                }

                var text = TextFileReader.Read(files, file, display, diagnostics, maxBytes: 1024 * 1024);
                if (text is not null)
                {
                    patches.Add(TalosPatch.Parse(text, display, scope, node, diagnostics));
                }
            }
        }
    }
}
