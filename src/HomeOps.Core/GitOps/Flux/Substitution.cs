using System.Text;

namespace HomeOps.Core.GitOps.Flux;

/// <summary>The result of substituting one text: the output, the variables it referenced, and the first error.</summary>
public sealed record SubstitutionResult(string Text, IReadOnlySet<string> Used, IReadOnlySet<string> Undefined, SubstitutionError? Error);

/// <summary>A parse or strict-mode failure: what went wrong and the <c>${…}</c> expression (or text) it happened in.</summary>
public sealed record SubstitutionError(string Message, string Expression);

/// <summary>
/// Flux post-build variable substitution, as kustomize-controller v1.4 does it (fluxcd/pkg envsubst v1.1.0, a fork of
/// drone/envsubst): only braced <c>${…}</c> forms, <c>$$</c> collapses to <c>$</c>, the bash-like operators, "default
/// if empty" for <c>=</c>, <c>:=</c> and <c>:-</c>, undefined variables become "" (an error in strict mode only for a
/// plain <c>${v}</c>), and any parse error fails the whole Kustomization.
/// </summary>
public static partial class Substitution
{
    /// <summary>The key rule Flux applies to every variable it is given.</summary>
    public static bool IsValidVariableName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    public static SubstitutionResult Apply(string text, IReadOnlyDictionary<string, string> variables, bool strict)
    {
        var state = new State(text, variables, strict);
        string output;
        try
        {
            output = state.ParseText(stopChars: null);
        }
        catch (SubstitutionException e)
        {
            return new SubstitutionResult(text, state.Used, state.Undefined, new SubstitutionError(e.Message, e.Expression));
        }

        return new SubstitutionResult(output, state.Used, state.Undefined, state.StrictError);
    }

    /// <summary>Variable names referenced by <c>${…}</c> expressions in <paramref name="text"/>, without evaluating anything.</summary>
    public static IReadOnlySet<string> References(string text) =>
        Apply(text, new Dictionary<string, string>(StringComparer.Ordinal), strict: false).Used;

    private sealed class SubstitutionException(string message, string expression) : Exception(message)
    {
        public string Expression { get; } = expression;
    }

    private sealed class State(string text, IReadOnlyDictionary<string, string> variables, bool strict)
    {
        public int Pos;

        public HashSet<string> Used { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Undefined { get; } = new(StringComparer.Ordinal);

        public SubstitutionError? StrictError { get; private set; }

        /// <summary>Text with nested expressions, up to (not including) one of <paramref name="stopChars"/> at this level.</summary>
        public string ParseText(string? stopChars)
        {
            var sb = new StringBuilder();
            while (Pos < text.Length)
            {
                var c = text[Pos];
                if (stopChars is not null && stopChars.Contains(c, StringComparison.Ordinal))
                {
                    return sb.ToString();
                }

                if (c == '$' && Pos + 1 < text.Length && text[Pos + 1] == '$')
                {
                    sb.Append('$');
                    Pos += 2;
                }
                else if (c == '$' && Pos + 1 < text.Length && text[Pos + 1] == '{')
                {
                    sb.Append(ParseExpression());
                }
                else if (stopChars is not null && c == '\\' && Pos + 1 < text.Length && text[Pos + 1] is '\\' or '/')
                {
                    sb.Append(text[Pos + 1]);
                    Pos += 2;
                }
                else
                {
                    sb.Append(c);
                    Pos++;
                }
            }

            return sb.ToString();
        }

        private string ParseExpression()
        {
            var start = Pos;
            Pos += 2; // ${
            var length = false;
            if (Pos < text.Length && text[Pos] == '#')
            {
                length = true;
                Pos++;
            }

            var nameStart = Pos;
            while (Pos < text.Length && (char.IsAsciiLetterOrDigit(text[Pos]) || text[Pos] == '_'))
            {
                Pos++;
            }

            var name = text[nameStart..Pos];
            if (name.Length == 0)
            {
                throw Error("bad substitution", start);
            }

            Used.Add(name);
            var defined = variables.TryGetValue(name, out var value);
            value ??= string.Empty;
            if (Pos >= text.Length)
            {
                throw Error("missing closing brace", start);
            }

            if (length)
            {
                Expect('}', start);
                return Resolve(name, defined).Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var op = text[Pos];
            switch (op)
            {
                case '}':
                    Pos++;
                    if (!defined)
                    {
                        Undefined.Add(name);
                        if (strict && StrictError is null)
                        {
                            StrictError = new SubstitutionError($"variable '{name}' is not set (strict mode)", text[start..Pos]);
                        }
                    }

                    return value;
                case '^' or ',':
                    Pos++;
                    var all = Pos < text.Length && text[Pos] == op;
                    if (all)
                    {
                        Pos++;
                    }

                    Expect('}', start);
                    return CaseChange(value, op == '^', all);
                case '=':
                    Pos++;
                    return Default(name, defined, value, start);
                case ':':
                    Pos++;
                    if (Pos < text.Length && text[Pos] is '=' or '-' or '?' or '+')
                    {
                        Pos++;
                        return Default(name, defined, value, start);
                    }

                    return Substring(value, start);
                case '#' or '%':
                    Pos++;
                    var longest = Pos < text.Length && text[Pos] == op;
                    if (longest)
                    {
                        Pos++;
                    }

                    var pattern = ParseText("}");
                    Expect('}', start);
                    return op == '#' ? TrimPrefix(value, pattern, longest) : TrimSuffix(value, pattern, longest);
                case '/':
                    Pos++;
                    var mode = ' ';
                    if (Pos < text.Length && text[Pos] is '/' or '#' or '%')
                    {
                        mode = text[Pos];
                        Pos++;
                    }

                    var find = ParseText("/}");
                    var replacement = string.Empty;
                    if (Pos < text.Length && text[Pos] == '/')
                    {
                        Pos++;
                        replacement = ParseText("}");
                    }

                    Expect('}', start);
                    return Replace(value, find, replacement, mode);
                default:
                    throw Error("missing closing brace", start);
            }
        }

        private string Resolve(string name, bool defined)
        {
            if (!defined)
            {
                Undefined.Add(name);
            }

            return variables.TryGetValue(name, out var v) ? v : string.Empty;
        }

        private string Default(string name, bool defined, string value, int start)
        {
            var fallback = ParseText("}");
            Expect('}', start);
            if (!defined)
            {
                // A default makes the variable optional: not "undefined" for the unused/undefined rules either.
                Undefined.Remove(name);
            }

            return value.Length == 0 ? fallback : value;
        }

        private string Substring(string value, int start)
        {
            var offsetText = ParseText(":}");
            string? lengthText = null;
            if (Pos < text.Length && text[Pos] == ':')
            {
                Pos++;
                lengthText = ParseText("}");
            }

            Expect('}', start);
            if (!int.TryParse(offsetText.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var offset))
            {
                offset = 0;
            }

            offset = offset < 0 ? Math.Max(0, value.Length + offset) : Math.Min(offset, value.Length);
            var rest = value[offset..];
            if (lengthText is not null && int.TryParse(lengthText.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var count))
            {
                rest = count < 0 ? rest[..Math.Max(0, rest.Length + count)] : rest[..Math.Min(count, rest.Length)];
            }

            return rest;
        }

        private void Expect(char c, int start)
        {
            if (Pos >= text.Length || text[Pos] != c)
            {
                throw Error("missing closing brace", start);
            }

            Pos++;
        }

        private SubstitutionException Error(string message, int start)
        {
            var end = Math.Min(text.Length, Math.Max(Pos, start + 2));
            var close = text.IndexOf('}', start);
            if (close >= 0 && close - start < 80)
            {
                end = close + 1;
            }

            return new SubstitutionException(message, text[start..end]);
        }
    }
}
