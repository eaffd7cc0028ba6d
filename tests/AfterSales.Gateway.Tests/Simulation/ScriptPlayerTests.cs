using AfterSales.Gateway.Inputs;
using AfterSales.Gateway.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Gateway.Tests.Simulation;

public sealed class ScriptPlayerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<(TimeSpan At, int Pin, InputCondition State)> _played = [];
    private DateTimeOffset _start;

    [Fact]
    public void Player_ScriptedSteps_FireAtTheirOffsetsAndNotBefore()
    {
        using var player = Start(Script(0, (5, 17, InputCondition.Fault), (20, 17, InputCondition.Normal)));

        Advance(TimeSpan.FromSeconds(4.9));
        Assert.Empty(_played);

        Advance(TimeSpan.FromSeconds(60.1));

        Assert.Equal(
            [(TimeSpan.FromSeconds(5), 17, InputCondition.Fault), (TimeSpan.FromSeconds(20), 17, InputCondition.Normal)],
            _played);
    }

    [Fact]
    public void Player_RepeatEverySeconds_PlaysTheScriptAgainEachPeriod()
    {
        using var player = Start(Script(30, (5, 17, InputCondition.Fault), (20, 17, InputCondition.Normal)));

        Advance(TimeSpan.FromSeconds(70));

        Assert.Equal([5, 20, 35, 50, 65], _played.Select(p => p.At.TotalSeconds));
    }

    [Fact]
    public void Player_StepsOutOfOrderInConfig_PlayInTimeOrder()
    {
        using var player = Start(Script(0, (10, 27, InputCondition.Fault), (2, 17, InputCondition.Fault)));

        Advance(TimeSpan.FromSeconds(11));

        Assert.Equal([17, 27], _played.Select(p => p.Pin));
    }

    [Fact]
    public void Player_Disposed_PlaysNoMoreSteps()
    {
        var player = Start(Script(0, (5, 17, InputCondition.Fault)));

        player.Dispose();
        Advance(TimeSpan.FromSeconds(10));

        Assert.Empty(_played);
    }

    // FakeTimeProvider runs due timers at the end of an Advance, so small steps show when each one fired.
    private void Advance(TimeSpan duration)
    {
        var step = TimeSpan.FromMilliseconds(100);
        for (var t = TimeSpan.Zero; t < duration; t += step)
        {
            _time.Advance(step);
        }
    }

    private ScriptPlayer Start(SimulationConfig script)
    {
        _start = _time.GetUtcNow();
        var player = new ScriptPlayer(script, _time, step => _played.Add((_time.GetUtcNow() - _start, step.Pin, step.State!.Value)));
        player.Start();
        return player;
    }

    private static SimulationConfig Script(double repeatEvery, params (double At, int Pin, InputCondition State)[] steps) => new()
    {
        RepeatEverySeconds = repeatEvery,
        Steps = [.. steps.Select(s => new SimulationStep { AtSeconds = s.At, Pin = s.Pin, State = s.State })],
    };
}
