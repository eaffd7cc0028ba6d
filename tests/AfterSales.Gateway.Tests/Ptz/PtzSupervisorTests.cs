using AfterSales.Gateway.Ptz;

namespace AfterSales.Gateway.Tests.Ptz;

/// <summary>The bus schedule: one head at a time, a new round per poll interval, misses counted per head.</summary>
public sealed class PtzSupervisorTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly List<(string Head, bool Silent)> _reports = [];
    private readonly PtzSupervisor _supervisor;

    public PtzSupervisorTests()
    {
        var config = new PtzConfig
        {
            Port = "/dev/x",
            PollIntervalSeconds = 10,
            ResponseTimeoutMilliseconds = 500,
            MissedPollsBeforeFault = 2,
            Heads = [new PtzHeadConfig { Id = "a", Address = 1 }, new PtzHeadConfig { Id = "b", Address = 2 }],
        };
        _supervisor = new PtzSupervisor(config, (head, silent) => _reports.Add((head.Id, silent)));
    }

    [Fact]
    public void Tick_OneRound_AsksEachHeadOnceThenWaitsForTheNextInterval()
    {
        var asked = Ticks(0, 0.5, 1.0, 1.5, 9.5, 10.0);

        Assert.Equal([1, 2, null, null, null, 1], asked);
    }

    [Fact]
    public void Answered_ByAHeadNotAsked_DoesNotCountForTheHeadThatWas()
    {
        Ticks(0);
        _supervisor.Answered(2);
        Ticks(0.5);

        Assert.Equal([("a", false)], _reports);
    }

    [Fact]
    public void Tick_HeadSilentForTwoRounds_ReportedSilentOnTheSecondAndClearedByOneAnswer()
    {
        Ticks(0);
        _supervisor.Answered(1);
        Ticks(0.5, 1.0, 10.0);
        _supervisor.Answered(1);
        Ticks(10.5, 11.0);
        Assert.Equal([("a", false), ("b", false), ("a", false), ("b", true)], _reports);

        Ticks(20.0);
        _supervisor.Answered(1);
        Ticks(20.5);
        _supervisor.Answered(2);

        Assert.Equal(("b", false), _reports[^1]);
    }

    private List<int?> Ticks(params double[] seconds) =>
        [.. seconds.Select(s => _supervisor.Tick(Start.AddSeconds(s))?.Address)];
}
