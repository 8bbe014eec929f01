using HomeOps.Core.Monitoring.PromQl;

namespace HomeOps.Core.Tests.Monitoring;

public sealed class PromQlParserTests
{
    public static TheoryData<string> ValidExpressions() =>
    [
        "up",
        "up == 0",
        "cnpg_collector_up{namespace=\"postgresql-system\", pod=~\"postgresql-cluster-[0-9]+\"}",
        "{__name__=\"up\", job!=\"\"}",
        "{job=~\".+\"}",
        "job:request_latency_seconds:mean5m",
        "rate(http_requests_total[5m])",
        "rate(http_requests_total[1h30m] offset 1d)",
        "http_requests_total offset -5m",
        "http_requests_total @ 1609746000",
        "http_requests_total @ start()",
        "max_over_time(deriv(rate(distance_covered_total[5s])[30s:5s])[10m:])",
        "rate(http_requests_total[5m])[30m:1m]",
        "sum by (job) (rate(http_requests_total[5m]))",
        "sum(rate(http_requests_total[5m])) by (job, instance)",
        "sum without (instance) (http_requests_total)",
        "sum by (a,) (x)",
        "topk(3, sum by (app) (rate(instance_cpu_time_ns[5m])))",
        "quantile(0.9, x)",
        "count_values(\"version\", build_version)",
        "count by (namespace) (count by (namespace, full) (cnpg_collector_postgres_version)) > 1",
        "histogram_quantile(0.99, sum by (kind, le) (rate(gotk_reconcile_duration_seconds_bucket[15m]))) > 300",
        "a / on (namespace, pod) group_left max by (namespace, pod) (b) > 0.8",
        "a * ignoring (code) group_left (extra) b",
        "a + on () b",
        "x{value=\"size\"} / ignoring (value) x{value=\"volume_size\"} > 0.8",
        "increase(failed[15m]) > 0 and on (namespace, pod) (in_recovery == 0)",
        "(slots_active == 0) and on (namespace, pod) (in_recovery == 0)",
        "max by (ns) (nodes_used) > 0 < 3",
        "1 + 2 * 3 ^ 2 ^ 2",
        "-x ^ 2",
        "- - x",
        "2 > bool 1",
        "x > bool 1",
        "a or b unless c and d",
        "time() - max by (cluster) (stopped{phase=\"completed\"}) > 93600",
        "absent(up{job=\"x\"})",
        "label_replace(up, \"foo\", \"$1\", \"job\", \"(.*)\")",
        "label_join(up, \"foo\", \",\", \"job\", \"instance\")",
        "round(x)",
        "round(x, 0.5)",
        "day_of_week()",
        "day_of_week(timestamp(up))",
        "vector(1)",
        "scalar(up) > bool 1",
        "changes(cnpg_pg_postmaster_start_time[15m]) > 0",
        "predict_linear(node_filesystem_free_bytes[6h], 4 * 3600) < 0",
        "0x1F + 1e3 + .5 + 1.5e-3 + Inf - NaN",
        "label_replace(up, 'dst', 'x', 'src', '.*')",
        "x # a comment\n  + y",
        "sum by (\"foo.bar\") (x)",
        "abs(-x)",
        "a atan2 b or b",
        "limitk(2, x)",
        "group(x) by (a)",
        "rate(x[300])",
        "x offset 60",
        "predict_linear(x[1h], 4h) < 0",
        "SUM(rate(x[5m])) BY (instance) / ON(instance) GROUP_LEFT() count(x) WITHOUT (cpu) Or y",
        "x @ START()",
    ];

    [Theory]
    [MemberData(nameof(ValidExpressions))]
    public void Parse_ValidExpression_Succeeds(string expression)
    {
        var result = PromQlParser.Parse(expression);
        result.Error.ShouldBeNull();
        result.Expression.ShouldNotBeNull();
    }

    public static TheoryData<string, string, int> InvalidExpressions() => new()
    {
        // expression, fragment of the message, 1-based column of the error
        { "", "no expression", 1 },
        { "sum(up", "expected ')'", 7 },
        { "up)", "unexpected ')' after the expression", 3 },
        { "rate(up)", "argument 1 of rate must be a range vector, got instant vector", 6 },
        { "rate(up[5m], 1)", "rate takes 1 argument(s), got 2", 1 },
        { "unknown_function(up)", "unknown function 'unknown_function'", 1 },
        { "holt_winters(x[5m], 0.5, 0.5)", "unknown function 'holt_winters'", 1 },
        { "up{job=}", "expected a quoted value for 'job'", 8 },
        { "up{job}", "expected a matching operator", 7 },
        { "up{job=\"a\"", "expected ',' or '}'", 11 },
        { "{job=\"\"}", "at least one non-empty matcher", 1 },
        { "{job=~\".*\"}", "at least one non-empty matcher", 1 },
        { "up{job=~\"(\"}", "invalid regular expression", 4 },
        { "up{__name__=\"x\"}", "metric name must not be set twice", 1 },
        { "1 > 2", "comparisons between scalars must use the bool modifier", 3 },
        { "up + bool 1", "bool modifier can only be used on comparison operators", 6 },
        { "up and 1", "set operator 'and' not allowed", 4 },
        { "1 + on (a) up", "vector matching", 3 },
        { "a and on (x) group_left b", "no grouping (group_left) allowed", 3 },
        { "a + group_left b", "needs on(...) or ignoring(...)", 5 },
        { "a + on (x) group_left (x) b", "must not occur in on() and group_left()", 3 },
        { "sum(up) by", "expected '(' before a label list", 11 },
        { "sum by (job) (up) by (x)", "two grouping clauses", 19 },
        { "sum(1)", "sum needs an instant vector, got scalar", 5 },
        { "sum(up[5m])", "sum needs an instant vector, got range vector", 5 },
        { "topk(up)", "topk takes a parameter and an expression", 1 },
        { "topk(\"3\", up)", "topk's parameter must be a scalar, got string", 6 },
        { "sum(1, up)", "sum takes one expression, got 2", 1 },
        { "(up)[5m]", "ranges are only allowed on vector selectors", 5 },
        { "up offset 5m [5m]", "the range goes before offset", 14 },
        { "up[foo]", "expected a duration such as 5m in [ ], found 'foo'", 4 },
        { "up[-5m]", "expected a duration such as 5m in [ ], found '-'", 4 },
        { "up[5m:1m", "']' after the subquery step", 9 },
        { "time()[5m:]", "subquery is only allowed on an instant vector, got scalar", 7 },
        { "up[5m] + 1", "binary expression must contain only scalar and instant vector types, got range vector", 1 },
        { "-up[5m]", "unary expression only allowed", 1 },
        { "up offset 5m offset 1h", "offset may not be set twice", 14 },
        { "sum(up) offset 5m", "offset modifier must follow a selector or a subquery", 9 },
        { "up offset", "a duration after offset", 10 },
        { "up[5x]", "bad number or duration", 4 },
        { "up[1m1h]", "units must go from largest to smallest", 4 },
        { "3abc", "bad number or duration", 1 },
        { "\"unterminated", "unterminated string", 1 },
        { "up{job=\"\\q\"}", "unknown escape sequence", 9 },
        { "up $ 1", "unexpected character '$'", 4 },
        { "label_replace(up, \"a\", \"b\", \"c\")", "label_replace takes 5 argument(s), got 4", 1 },
        { "label_join(up, \"a\")", "label_join takes at least 3 argument(s), got 2", 1 },
        { "round(x, 1, 2)", "round takes 1 to 2 argument(s), got 3", 1 },
        { "histogram_quantile(up, up)", "argument 1 of histogram_quantile must be a scalar, got instant vector", 20 },
        { "by", "unexpected keyword 'by'", 1 },
        { "RATE(x[5m])", "unknown function 'RATE'", 1 },
        { "up\n  + ", "unexpected the end of the expression", 5 },
        { "\"a\" == \"a\"", "binary expression must contain only scalar and instant vector types, got string", 1 },
        { "atan2(a, b)", "unknown function 'atan2'", 1 },
        { "up\n  == on", "expected '(' before a label list", 8 },
    };

    [Theory]
    [MemberData(nameof(InvalidExpressions))]
    public void Parse_InvalidExpression_ReportsWhatAndWhere(string expression, string message, int column)
    {
        var result = PromQlParser.Parse(expression);
        result.Expression.ShouldBeNull();
        result.Error.ShouldNotBeNull();
        result.Error.Message.ShouldContain(message, Case.Sensitive);
        result.Error.Column.ShouldBe(column, result.Error.ToString());
    }

    [Fact]
    public void Parse_ErrorOnSecondLine_CountsLinesAndColumns()
    {
        var error = PromQlParser.Parse("sum by (job) (\n  rate(up)\n)").Error!;
        error.Line.ShouldBe(2);
        error.Column.ShouldBe(8);
        error.ToString().ShouldStartWith("2:8: argument 1 of rate");
    }

    [Fact]
    public void Parse_Precedence_FollowsPrometheus()
    {
        // 1 + 2 * 3 ^ 2 ^ 2: ^ binds tightest and to the right, then *, then +.
        var root = PromQlParser.Parse("1 + 2 * 3 ^ 2 ^ 2").Expression.ShouldBeOfType<BinaryExpression>();
        root.Operator.ShouldBe("+");
        var product = root.Right.ShouldBeOfType<BinaryExpression>();
        product.Operator.ShouldBe("*");
        var power = product.Right.ShouldBeOfType<BinaryExpression>();
        power.Operator.ShouldBe("^");
        power.Right.ShouldBeOfType<BinaryExpression>().Operator.ShouldBe("^");

        // Unary minus binds weaker than ^ and as tight as *.
        PromQlParser.Parse("-x ^ 2").Expression.ShouldBeOfType<UnaryExpression>().Operand.ShouldBeOfType<BinaryExpression>().Operator.ShouldBe("^");
        PromQlParser.Parse("-x * 2").Expression.ShouldBeOfType<BinaryExpression>().Left.ShouldBeOfType<UnaryExpression>();

        // or < and/unless < comparison < +.
        var set = PromQlParser.Parse("a or b and c > d + e").Expression.ShouldBeOfType<BinaryExpression>();
        set.Operator.ShouldBe("or");
        var and = set.Right.ShouldBeOfType<BinaryExpression>();
        and.Operator.ShouldBe("and");
        var comparison = and.Right.ShouldBeOfType<BinaryExpression>();
        comparison.Operator.ShouldBe(">");
        comparison.Right.ShouldBeOfType<BinaryExpression>().Operator.ShouldBe("+");
    }

    [Fact]
    public void Parse_LeftAssociativeOperators_GroupToTheLeft()
    {
        var root = PromQlParser.Parse("a - b - c").Expression.ShouldBeOfType<BinaryExpression>();
        root.Left.ShouldBeOfType<BinaryExpression>().Operator.ShouldBe("-");
        root.Right.ShouldBeOfType<VectorSelector>().Name.ShouldBe("c");
    }

    [Fact]
    public void Parse_VectorMatchingAndBool_AreRecorded()
    {
        var root = PromQlParser.Parse("a / on (ns, pod) group_left (node) b").Expression.ShouldBeOfType<BinaryExpression>();
        root.Matching.ShouldBe(new VectorMatching(true, ["ns", "pod"], "group_left", ["node"]), new VectorMatchingComparer());
        PromQlParser.Parse("a > bool 1").Expression.ShouldBeOfType<BinaryExpression>().ReturnBool.ShouldBeTrue();
    }

    [Fact]
    public void Parse_Selector_KeepsMatchersModifiersAndStrings()
    {
        var matrix = PromQlParser.Parse("rate(x{a=\"1\", b!='2', c=~`3.*`, d!~\"\\\\d\"}[5m] offset 1h @ end())").Expression
            .ShouldBeOfType<FunctionCall>().Arguments[0].ShouldBeOfType<MatrixSelector>();
        matrix.Range.ShouldBe("5m");
        matrix.Vector.OffsetDuration.ShouldBe("1h");
        matrix.Vector.At.ShouldBe("end()");
        matrix.Vector.Matchers.Select(m => $"{m.Label}{m.Operator}{m.Value}").ShouldBe(["a=1", "b!=2", "c=~3.*", "d!~\\d"]);
    }

    [Fact]
    public void Parse_Numbers_AreFoldedAndConverted()
    {
        PromQlParser.Parse("-0x10").Expression.ShouldBeOfType<NumberLiteral>().Value.ShouldBe(-16);
        PromQlParser.Parse("1.5e3").Expression.ShouldBeOfType<NumberLiteral>().Value.ShouldBe(1500);
        PromQlParser.Parse("+Inf").Expression.ShouldBeOfType<NumberLiteral>().Value.ShouldBe(double.PositiveInfinity);
    }

    [Fact]
    public void Parse_DurationWhereANumberIsExpected_IsItsSeconds()
    {
        PromQlParser.Parse("1h30m").Expression.ShouldBeOfType<NumberLiteral>().Value.ShouldBe(5400);
        PromQlParser.Parse("1d2h3m4s5ms").Expression.ShouldBeOfType<NumberLiteral>().Value.ShouldBe(93784.005, 1e-9);
    }

    [Fact]
    public void Parse_Types_FollowPrometheus()
    {
        PromQlParser.Parse("1 + 1").Expression!.Type.ShouldBe(PromQlType.Scalar);
        PromQlParser.Parse("up + 1").Expression!.Type.ShouldBe(PromQlType.InstantVector);
        PromQlParser.Parse("up[5m]").Expression!.Type.ShouldBe(PromQlType.RangeVector);
        PromQlParser.Parse("scalar(up)").Expression!.Type.ShouldBe(PromQlType.Scalar);
        PromQlParser.Parse("\"text\"").Expression!.Type.ShouldBe(PromQlType.String);
        PromQlParser.Parse("(up)").Expression!.Type.ShouldBe(PromQlType.InstantVector);
    }

    [Fact]
    public void MetricNames_CollectsEverySelectorOnce()
    {
        var result = PromQlParser.Parse(
            "sum(rate(a_total[5m])) / on () group_left sum(b) + {__name__=\"c\"} + a_total + {__name__=~\"d.*\"} - absent(e offset 1h)");
        result.MetricNames.ShouldBe(["a_total", "b", "c", "e"]);
    }

    [Fact]
    public void MetricNames_OfAFailedParse_AreEmpty()
    {
        PromQlParser.Parse("sum(").MetricNames.ShouldBeEmpty();
    }

    private sealed class VectorMatchingComparer : IEqualityComparer<VectorMatching>
    {
        public bool Equals(VectorMatching? x, VectorMatching? y) =>
            x is not null && y is not null && x.On == y.On && x.Group == y.Group && x.Labels.SequenceEqual(y.Labels) && x.Include.SequenceEqual(y.Include);

        public int GetHashCode(VectorMatching obj) => obj.On.GetHashCode();
    }
}
