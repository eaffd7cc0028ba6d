using AfterSales.Gateway.Power;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Gateway.Tests.Power;

public sealed class LowVoltageAlarmTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly LowVoltageAlarm _alarm;

    public LowVoltageAlarmTests() => _alarm = new LowVoltageAlarm(enterBelow: 13.0, leaveAbove: 13.4, hold: TimeSpan.FromSeconds(5), _time);

    [Fact]
    public void Sample_DipShorterThanHold_NoAlarm()
    {
        Assert.False(_alarm.Sample(12.4));
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(_alarm.Sample(12.4));
        Assert.False(_alarm.Sample(13.7));
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.False(_alarm.Sample(12.4));
        Assert.False(_alarm.IsActive);
    }

    [Fact]
    public void Sample_BelowForTheHoldTime_Raises()
    {
        _alarm.Sample(12.7);
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.True(_alarm.Sample(12.6));
        Assert.True(_alarm.IsActive);
    }

    [Fact]
    public void Sample_RaisedAndHoveringBetweenThresholds_StaysRaised()
    {
        _alarm.Sample(12.7);
        _time.Advance(TimeSpan.FromSeconds(5));
        _alarm.Sample(12.7);

        for (var i = 0; i < 20; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            Assert.False(_alarm.Sample(i % 2 == 0 ? 13.05 : 13.35));
        }

        Assert.True(_alarm.IsActive);
    }

    [Fact]
    public void Sample_RaisedThenAboveRestoreForHold_Clears()
    {
        _alarm.Sample(12.7);
        _time.Advance(TimeSpan.FromSeconds(5));
        _alarm.Sample(12.7);

        _alarm.Sample(13.8);
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.True(_alarm.Sample(13.8));
        Assert.False(_alarm.IsActive);
    }
}
