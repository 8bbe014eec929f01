using System.Text.RegularExpressions;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Build;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// HO3244: a task of the repository's Taskfile (and the Taskfiles it includes) that calls a task nobody defines, as
/// go-task v3 resolves names: tasks of an included Taskfile are NAMESPACE:TASK (an include's aliases and flatten
/// included), a call inside an included Taskfile is relative to its namespace unless it starts with ':', a namespace
/// alone runs its default task, and a name may be a wildcard ("deploy:*"). Calls with templates, and calls into
/// includes that cannot be read offline (remote, templated path), are not judged.
/// </summary>
public sealed partial class TaskfileRule : IGitOpsRule
{
    private static readonly string[] s_names =
        ["Taskfile.yml", "taskfile.yml", "Taskfile.yaml", "taskfile.yaml", "Taskfile.dist.yml", "taskfile.dist.yml", "Taskfile.dist.yaml", "taskfile.dist.yaml"];

    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.TaskfileTaskMissing];

    private sealed record Call(YamlNode Name, string Prefix, string Caller, string File);

    private sealed class Taskfiles
    {
        public HashSet<string> Defined { get; } = new(StringComparer.Ordinal);
        public List<Regex> Wildcards { get; } = [];
        public List<string> OpenPrefixes { get; } = [];
        public List<Call> Calls { get; } = [];
        public HashSet<string> Read { get; } = new(StringComparer.Ordinal);
    }

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var tree = context.Tree.Sources.Tree;
        if (Find(tree, string.Empty) is not { } root)
        {
            yield break;
        }

        var all = new Taskfiles();
        Read(context.Tree.Sources, root, [string.Empty], all);
        foreach (var call in all.Calls)
        {
            var name = call.Name.Str() ?? string.Empty;
            if (name.Length == 0 || name.Contains("{{", StringComparison.Ordinal))
            {
                continue;
            }

            var full = name.StartsWith(':') ? name[1..] : Join(call.Prefix, name);
            if (all.Defined.Contains(full) || all.Defined.Contains(Join(full, "default")) || all.Wildcards.Exists(w => w.IsMatch(full))
                || all.OpenPrefixes.Exists(p => full.StartsWith(p + ":", StringComparison.Ordinal)))
            {
                continue;
            }

            yield return DiagnosticCatalog.TaskfileTaskMissing.At(call.Name.Span, call.Caller, call.File, full);
        }
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}:{name}";

    /// <summary>The Taskfile at <paramref name="path"/> (a file, or a folder holding one of Task's file names).</summary>
    private static string? Find(ISourceTree tree, string path)
    {
        if (path.Length > 0 && tree.FileExists(path))
        {
            return path;
        }

        return s_names.Select(n => path.Length == 0 ? n : $"{path}/{n}").FirstOrDefault(tree.FileExists);
    }

    /// <param name="prefixes">The namespaces this file's tasks are defined under (an include and its aliases).</param>
    private static void Read(SourceIndex sources, string file, IReadOnlyList<string> prefixes, Taskfiles all)
    {
        if (!all.Read.Add(file + "|" + string.Join(",", prefixes)) || sources.Documents(file).FirstOrDefault() is not YamlMapping doc)
        {
            return;
        }

        var dir = RepoPath.Directory(file);
        foreach (var entry in doc.Map("tasks")?.Entries ?? [])
        {
            var names = new List<string> { entry.Key.Value };
            names.AddRange(entry.Value.Seq("aliases").Select(a => a.Str()).OfType<string>());
            foreach (var prefix in prefixes)
            {
                foreach (var name in names)
                {
                    Define(all, Join(prefix, name));
                }
            }

            var caller = Join(prefixes[0], entry.Key.Value);
            foreach (var dep in entry.Value.Seq("deps"))
            {
                AddCall(all, dep is YamlMapping m ? m.Find("task")?.Value : dep, prefixes[0], caller, file);
            }

            foreach (var cmd in entry.Value.Seq("cmds").Append(entry.Value.Map("cmd")).OfType<YamlMapping>())
            {
                AddCall(all, cmd.Find("task")?.Value, prefixes[0], caller, file);
            }
        }

        foreach (var include in doc.Map("includes")?.Entries ?? [])
        {
            var spec = include.Value;
            var path = spec is YamlScalar s ? s.Value : spec.Str("taskfile") ?? string.Empty;
            var flatten = spec.Bool("flatten") == true;
            var names = new List<string> { include.Key.Value };
            names.AddRange(spec.Seq("aliases").Select(a => a.Str()).OfType<string>());
            var inner = flatten ? prefixes : [.. prefixes.SelectMany(p => names.Select(n => Join(p, n)))];
            var basis = dir;
            foreach (var (variable, folder) in new[] { ("{{.ROOT_DIR}}", string.Empty), ("{{.TASKFILE_DIR}}", dir) })
            {
                if (path.StartsWith(variable, StringComparison.Ordinal))
                {
                    (basis, path) = (folder, path[variable.Length..].TrimStart('/'));
                }
            }

            // Task reads an include relative to the Taskfile that declares it.
            var resolved = path.Contains("{{", StringComparison.Ordinal) || path.Contains("://", StringComparison.Ordinal) || path.StartsWith('/') || path.Length == 0
                ? null
                : Find(sources.Tree, RepoPath.Normalize(basis.Length == 0 ? path : $"{basis}/{path}"));
            if (resolved is null)
            {
                // Unreadable offline (or missing, which Task itself reports): its tasks are unknown, not absent.
                all.OpenPrefixes.AddRange(inner.Where(p => p.Length > 0));
                continue;
            }

            Read(sources, resolved, inner, all);
        }
    }

    private static void Define(Taskfiles all, string name)
    {
        if (name.Contains('*', StringComparison.Ordinal))
        {
            all.Wildcards.Add(new Regex("^" + Regex.Escape(name).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
        }
        else
        {
            all.Defined.Add(name);
        }
    }

    private static void AddCall(Taskfiles all, YamlNode? name, string prefix, string caller, string file)
    {
        if (name is YamlScalar)
        {
            all.Calls.Add(new Call(name, prefix, caller, file));
        }
    }
}
