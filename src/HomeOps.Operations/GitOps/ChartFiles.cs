using HomeOps.Core.GitOps.Build;
using HomeOps.Core.GitOps.Model;
using HomeOps.Runtime.Files;

namespace HomeOps.Operations.GitOps;

/// <summary>Reads a rendered chart's values, schema, templates and subcharts (<see cref="ChartPackage"/>) from an archive or a chart folder.</summary>
public static class ChartFiles
{
    /// <summary>The chart at <paramref name="path"/> (a .tgz or a folder), or null when it cannot be read.</summary>
    public static ChartContent? Read(IFileSystem files, string path)
    {
        try
        {
            if (!files.DirectoryExists(path))
            {
                return ChartPackage.FromArchive(files.ReadAllBytes(path));
            }

            var wanted = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var file in files.EnumerateFiles(path, "*", recursive: true))
            {
                var relative = Path.GetRelativePath(path, file).Replace('\\', '/');
                if (ChartPackage.Wanted(relative) && files.FileSize(file) <= ChartPackage.MaxFileBytes)
                {
                    wanted[relative] = files.ReadAllBytes(file);
                }
            }

            return ChartPackage.FromFiles(wanted);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
