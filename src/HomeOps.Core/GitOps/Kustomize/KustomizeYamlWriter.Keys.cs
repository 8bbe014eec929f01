using System.Text;

namespace HomeOps.Core.GitOps.Kustomize;

/// <summary>The order go-yaml v2 prints map keys in: letters by code point, digit runs by value (goyaml.v2/sorter.go keyList.Less).</summary>
internal sealed partial class KustomizeYamlWriter
{
    private static List<string> SortedKeys(Dictionary<string, object?> map)
    {
        var keys = map.Keys.ToList();
        keys.Sort(CompareKeys);
        return keys;
    }

    internal static int CompareKeys(string x, string y) => string.Equals(x, y, StringComparison.Ordinal) ? 0 : Less(x, y) ? -1 : 1;

    private static bool Less(string x, string y)
    {
        var a = x.EnumerateRunes().ToArray();
        var b = y.EnumerateRunes().ToArray();
        for (var i = 0; i < a.Length && i < b.Length; i++)
        {
            if (a[i] == b[i])
            {
                continue;
            }

            var (al, bl) = (Rune.IsLetter(a[i]), Rune.IsLetter(b[i]));
            if (al && bl)
            {
                return a[i].Value < b[i].Value;
            }

            if (al || bl)
            {
                return bl;
            }

            long an = 0, bn = 0;
            if (a[i].Value == '0' || b[i].Value == '0')
            {
                for (var j = i - 1; j >= 0 && Rune.IsDigit(a[j]); j--)
                {
                    if (a[j].Value != '0')
                    {
                        (an, bn) = (1, 1);
                        break;
                    }
                }
            }

            int ai = i, bi = i;
            for (; ai < a.Length && Rune.IsDigit(a[ai]); ai++)
            {
                an = (an * 10) + (a[ai].Value - '0');
            }

            for (; bi < b.Length && Rune.IsDigit(b[bi]); bi++)
            {
                bn = (bn * 10) + (b[bi].Value - '0');
            }

            if (an != bn)
            {
                return an < bn;
            }

            return ai != bi ? ai < bi : a[i].Value < b[i].Value;
        }

        return a.Length < b.Length;
    }
}
