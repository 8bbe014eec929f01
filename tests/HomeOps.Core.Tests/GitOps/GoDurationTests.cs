using HomeOps.Core.GitOps.Flux;

namespace HomeOps.Core.Tests.GitOps;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("10m", 600)]
    [InlineData("1h30m", 5400)]
    [InlineData("90s", 90)]
    [InlineData("1.5h", 5400)]
    [InlineData("500ms", 0.5)]
    [InlineData("2m30s", 150)]
    [InlineData("0", 0)]
    [InlineData("+0", 0)]
    [InlineData(".5s", 0.5)]
    [InlineData("1.s", 1)]
    [InlineData("+5s", 5)]
    [InlineData("-1m", -60)]
    [InlineData("1500\u00b5s", 0.0015)]
    [InlineData("1500\u03bcs", 0.0015)]
    [InlineData("2000000ns", 0.002)]
    public void TryParse_FluxDurations(string text, double seconds)
    {
        GoDuration.TryParse(text, out var duration).ShouldBeTrue();
        duration.TotalSeconds.ShouldBe(seconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("ten minutes")]
    [InlineData("5m garbage")]
    [InlineData("00")]
    [InlineData("-")]
    [InlineData(".s")]
    [InlineData("5m\n")]
    [InlineData("5d")]
    public void TryParse_NotADuration_False(string text) => GoDuration.TryParse(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData(570, "9m30s")]
    [InlineData(900, "15m0s")]
    [InlineData(3900, "1h5m0s")]
    public void Format_AsGoPrintsIt(int seconds, string expected) => GoDuration.Format(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);
}
