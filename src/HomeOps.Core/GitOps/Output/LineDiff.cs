using System.Text;
using DiffPlex;

namespace HomeOps.Core.GitOps.Output;

/// <summary>Unified diffs of two texts, line by line.</summary>
public static class LineDiff
{
    /// <summary>Hunks in unified format (<c>@@ -a,b +c,d @@</c>), or "" when the texts are equal.</summary>
    public static string Unified(string before, string after, int context = 3)
    {
        var ops = Operations(before, after);
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

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');

    /// <summary>
    /// Every line of both texts as kept (' '), deleted ('-') or added ('+'), in order: DiffPlex's Myers diff, which
    /// takes O((n+m)·d) time for d changed lines, so a large object with a small change costs little.
    /// </summary>
    private static List<(char Kind, string Line)> Operations(string before, string after)
    {
        var diff = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, LfChunker.Instance);
        var a = diff.PiecesOld;
        var b = diff.PiecesNew;
        var ops = new List<(char, string)>(a.Count + b.Count);
        int x = 0, y = 0;
        foreach (var block in diff.DiffBlocks)
        {
            while (x < block.DeleteStartA)
            {
                ops.Add((' ', a[x++]));
                y++;
            }

            for (var i = 0; i < block.DeleteCountA; i++)
            {
                ops.Add(('-', a[x++]));
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                ops.Add(('+', b[y++]));
            }
        }

        while (x < a.Count)
        {
            ops.Add((' ', a[x++]));
        }

        return ops;
    }

    /// <summary>Splits at LF only, without the empty piece after a final newline.</summary>
    private sealed class LfChunker : IChunker
    {
        public static readonly LfChunker Instance = new();

        public IReadOnlyList<string> Chunk(string str) => Lines(str);
    }
}
