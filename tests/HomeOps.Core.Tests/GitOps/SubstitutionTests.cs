using HomeOps.Core.GitOps.Flux;

namespace HomeOps.Core.Tests.GitOps;

/// <summary>Flux post-build substitution, case by case against the envsubst fork's documented behaviour.</summary>
public sealed class SubstitutionTests
{
    private static readonly Dictionary<string, string> s_vars = new(StringComparer.Ordinal)
    {
        ["name"] = "home-ops",
        ["empty"] = string.Empty,
        ["path"] = "a/b/c.tar.gz",
    };

    [Theory]
    [InlineData("x: ${name}", "x: home-ops")]
    [InlineData("x: $name", "x: $name")]
    [InlineData("x: $${name}", "x: ${name}")]
    [InlineData("x: $$name", "x: $name")]
    [InlineData("x: ${missing}", "x: ")]
    [InlineData("x: ${missing:=fallback}", "x: fallback")]
    [InlineData("x: ${missing=fallback}", "x: fallback")]
    [InlineData("x: ${missing:-fallback}", "x: fallback")]
    [InlineData("x: ${empty:=fallback}", "x: fallback")]
    [InlineData("x: ${name:=fallback}", "x: home-ops")]
    [InlineData("x: ${missing:=${name}}", "x: home-ops")]
    [InlineData("x: ${missing=pre-${name}-suf}", "x: pre-home-ops-suf")]
    [InlineData("x: ${#name}", "x: 8")]
    [InlineData("x: ${name^}", "x: Home-ops")]
    [InlineData("x: ${name^^}", "x: HOME-OPS")]
    [InlineData("x: ${name:5}", "x: ops")]
    [InlineData("x: ${name:0:4}", "x: home")]
    [InlineData("x: ${path#*/}", "x: b/c.tar.gz")]
    [InlineData("x: ${path##*/}", "x: c.tar.gz")]
    [InlineData("x: ${path%.*}", "x: a/b/c.tar")]
    [InlineData("x: ${path%%.*}", "x: a/b/c")]
    [InlineData("x: ${name/o/0}", "x: h0me-ops")]
    [InlineData("x: ${name//o/0}", "x: h0me-0ps")]
    [InlineData("x: ${name/#home/away}", "x: away-ops")]
    [InlineData("x: ${name/%ops/lab}", "x: home-lab")]
    [InlineData("x: ${path/\\//_}", "x: a_b/c.tar.gz")]
    public void Apply_Operators_MatchFlux(string input, string expected)
    {
        var result = Substitution.Apply(input, s_vars, strict: false);
        result.Error.ShouldBeNull();
        result.Text.ShouldBe(expected);
    }

    [Theory]
    [InlineData("x: ${}")]
    [InlineData("x: ${ x}")]
    [InlineData("x: ${@}")]
    [InlineData("x: ${my-var}")]
    [InlineData("x: ${name")]
    [InlineData("x: ${name-default}")]
    public void Apply_ParseErrors_FailLikeFlux(string input)
    {
        var result = Substitution.Apply(input, s_vars, strict: false);
        result.Error.ShouldNotBeNull();
        result.Text.ShouldBe(input);
    }

    [Fact]
    public void Apply_Strict_FailsOnlyOnPlainUndefinedVariables()
    {
        Substitution.Apply("x: ${missing}", s_vars, strict: true).Error!.Message.ShouldContain("missing");
        Substitution.Apply("x: ${missing:=d}", s_vars, strict: true).Error.ShouldBeNull();
        Substitution.Apply("x: ${empty}", s_vars, strict: true).Error.ShouldBeNull();
    }

    [Fact]
    public void Apply_ReportsUsedAndUndefinedVariables()
    {
        var result = Substitution.Apply("a: ${name}\nb: ${missing}\nc: ${other:=x}", s_vars, strict: false);
        result.Used.ShouldBe(["name", "missing", "other"], ignoreOrder: true);
        result.Undefined.ShouldBe(["missing"]);
    }

    [Theory]
    [InlineData("cluster_name", true)]
    [InlineData("_x1", true)]
    [InlineData("1abc", false)]
    [InlineData("a-b", false)]
    [InlineData("x.yaml", false)]
    public void IsValidVariableName_FollowsFluxKeyRule(string name, bool valid) =>
        Substitution.IsValidVariableName(name).ShouldBe(valid);
}
