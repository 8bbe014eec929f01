using System.Text;

namespace HomeOps.Core.GitOps.Output;

/// <summary>Unified diffs of two texts, line by line (longest common subsequence; objects are small).</summary>
public static class LineDiff
{
    private const long MaxCells = 4_000_000;

    /// <summary>Hunks in unified format (<c>@@ -a,b +c,d @@</c>), or "" when the texts are equal.</summary>
    public static string Unified(string before, string after, int context = 3)
    {
        var a = Lines(before);
        var b = Lines(after);
        var ops = Operations(a, b);
        if (ops.TrueForAll(o => o.Kind == ' '))
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        var i = 0;
        while (i < ops.Count)
        {
            if (ops[i].Kind == ' ')
            {
                i++;
                continue;
            }

            var start = Math.Max(0, i - context);
            var end = i;
            // Extend the hunk while changes are closer than twice the context.
            while (end < ops.Count)
            {
                var next = ops.FindIndex(end, o => o.Kind != ' ');
                if (next < 0)
                {
                    break;
                }

                var gap = next - end;
                if (end != i && gap > context * 2)
                {
                    break;
                }

                end = next + 1;
            }

            end = Math.Min(ops.Count, end + context);
            var hunk = ops.GetRange(start, end - start);
            var aStart = ops.Take(start).Count(o => o.Kind != '+') + 1;
            var bStart = ops.Take(start).Count(o => o.Kind != '-') + 1;
            sb.Append("@@ -").Append(aStart).Append(',').Append(hunk.Count(o => o.Kind != '+'))
              .Append(" +").Append(bStart).Append(',').Append(hunk.Count(o => o.Kind != '-')).Append(" @@\n");
            foreach (var o in hunk)
            {
                sb.Append(o.Kind).Append(o.Line).Append('\n');
            }

            i = end;
        }

        return sb.ToString();
    }

    private static List<string> Lines(string text) =>
        text.Length == 0 ? [] : [.. text.TrimEnd('\n').Split('\n')];

    private static List<(char Kind, string Line)> Operations(List<string> a, List<string> b)
    {
        if ((long)a.Count * b.Count > MaxCells)
        {
            return [.. a.Select(l => ('-', l)), .. b.Select(l => ('+', l))];
        }

        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var ops = new List<(char, string)>();
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x] == b[y])
            {
                ops.Add((' ', a[x++]));
                y++;
            }
            else if (x < a.Count && (y == b.Count || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                ops.Add(('-', a[x++]));
            }
            else
            {
                ops.Add(('+', b[y++]));
            }
        }

        return ops;
    }
}
