namespace HomeOps.Core.Monitoring.PromQl;

/// <summary>
/// A PromQL function's signature: argument types, how many trailing arguments are optional, whether the last
/// argument repeats, and the return type.
/// </summary>
public sealed record PromQlFunction(string Name, IReadOnlyList<PromQlType> Arguments, PromQlType ReturnType, int Optional = 0, bool Variadic = false)
{
    public int MinArguments => Arguments.Count - Optional - (Variadic ? 1 : 0);

    public int? MaxArguments => Variadic ? null : Arguments.Count;

    /// <summary>The type expected at argument <paramref name="index"/> (the last one repeats when variadic).</summary>
    public PromQlType ArgumentType(int index) => Arguments[Math.Min(index, Arguments.Count - 1)];
}
