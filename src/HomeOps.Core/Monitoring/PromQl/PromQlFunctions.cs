namespace HomeOps.Core.Monitoring.PromQl;

/// <summary>
/// The functions and aggregation operators of PromQL as Prometheus 3.x knows them (promql/parser/functions.go and
/// lex.go), including the experimental ones a rule may use once enabled. holt_winters is gone since 3.0
/// (renamed double_exponential_smoothing).
/// </summary>
public static class PromQlFunctions
{
    private const PromQlType S = PromQlType.Scalar;
    private const PromQlType V = PromQlType.InstantVector;
    private const PromQlType M = PromQlType.RangeVector;
    private const PromQlType T = PromQlType.String;

    private static readonly Dictionary<string, PromQlFunction> s_functions = Build();

    /// <summary>Aggregation operators, and which take a parameter before the expression (of which type).</summary>
    private static readonly Dictionary<string, PromQlType?> s_aggregations = new(StringComparer.Ordinal)
    {
        ["sum"] = null, ["min"] = null, ["max"] = null, ["avg"] = null, ["group"] = null, ["stddev"] = null,
        ["stdvar"] = null, ["count"] = null, ["count_values"] = T, ["bottomk"] = S, ["topk"] = S, ["quantile"] = S,
        ["limitk"] = S, ["limit_ratio"] = S,
    };

    public static IReadOnlyCollection<string> Names => s_functions.Keys;

    public static PromQlFunction? Find(string name) => s_functions.GetValueOrDefault(name);

    public static bool IsAggregation(string name) => s_aggregations.ContainsKey(name);

    /// <summary>The type of the aggregation's parameter, or null when it takes none.</summary>
    public static PromQlType? AggregationParameter(string name) => s_aggregations[name];

    private static Dictionary<string, PromQlFunction> Build()
    {
        var list = new List<PromQlFunction>();

        // One instant vector in, one out.
        foreach (var name in new[]
                 {
                     "abs", "absent", "ceil", "exp", "floor", "ln", "log2", "log10", "sgn", "sqrt", "sort", "sort_desc", "timestamp",
                     "deg", "rad", "acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "sin", "sinh", "tan", "tanh",
                     "histogram_avg", "histogram_count", "histogram_sum", "histogram_stddev", "histogram_stdvar",
                 })
        {
            list.Add(new(name, [V], V));
        }

        // One range vector in, an instant vector out.
        foreach (var name in new[]
                 {
                     "absent_over_time", "avg_over_time", "changes", "count_over_time", "delta", "deriv", "idelta", "increase",
                     "irate", "last_over_time", "mad_over_time", "max_over_time", "min_over_time", "present_over_time", "rate",
                     "resets", "stddev_over_time", "stdvar_over_time", "sum_over_time", "ts_of_max_over_time",
                     "ts_of_min_over_time", "ts_of_last_over_time",
                 })
        {
            list.Add(new(name, [M], V));
        }

        // Date functions take an optional instant vector (default: vector(time())).
        foreach (var name in new[] { "day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute", "month", "year" })
        {
            list.Add(new(name, [V], V, Optional: 1));
        }

        list.AddRange(
        [
            new("clamp", [V, S, S], V),
            new("clamp_max", [V, S], V),
            new("clamp_min", [V, S], V),
            new("double_exponential_smoothing", [M, S, S], V),
            new("histogram_fraction", [S, S, V], V),
            new("histogram_quantile", [S, V], V),
            new("info", [V, V], V, Optional: 1),
            new("label_join", [V, T, T, T], V, Variadic: true),
            new("label_replace", [V, T, T, T, T], V),
            new("pi", [], S),
            new("predict_linear", [M, S], V),
            new("quantile_over_time", [S, M], V),
            new("round", [V, S], V, Optional: 1),
            new("scalar", [V], S),
            new("sort_by_label", [V, T], V, Variadic: true),
            new("sort_by_label_desc", [V, T], V, Variadic: true),
            new("time", [], S),
            new("vector", [S], V),
        ]);
        return list.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }
}
