using System.Text;
using System.Text.RegularExpressions;

namespace HomeOps.Core.GitOps.Model;

/// <summary>
/// A repository path pattern of .homeops.yaml: <c>**</c> any number of folders, <c>*</c> any characters but '/',
/// <c>?</c> one character but '/'; it matches the whole path.
/// </summary>
public static class PathGlob
{
    public static Regex ToRegex(string glob)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                sb.Append(".*");
                i++;
            }
            else
            {
                sb.Append(glob[i] switch { '*' => "[^/]*", '?' => "[^/]", var c => Regex.Escape(c.ToString()) });
            }
        }

        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
