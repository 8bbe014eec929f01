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
    public void TryParse_NotADuration_False(string text) => GoDuration.TryParse(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData(570, "9m30s")]
    [InlineData(900, "15m0s")]
    [InlineData(3900, "1h5m0s")]
    public void Format_AsGoPrintsIt(int seconds, string expected) => GoDuration.Format(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);
}
