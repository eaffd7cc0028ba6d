using AfterSales.Cloud.Tickets.Lifecycle;

namespace AfterSales.Cloud.Tests.Unit;

public class FaultHistoryRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly LifecycleOptions _options = new();

    [Fact]
    public void IsFlapping_ThreeRaisesWithinTheHour_True() =>
        Assert.True(FaultHistoryRules.IsFlapping([T0, T0.AddMinutes(20), T0.AddMinutes(50)], T0.AddMinutes(50), _options));

    [Fact]
    public void IsFlapping_ThreeRaisesSpreadOverHours_False() =>
        Assert.False(FaultHistoryRules.IsFlapping([T0, T0.AddMinutes(70), T0.AddMinutes(140)], T0.AddMinutes(140), _options));

    [Fact]
    public void IsRepeat_ClosedTwentyNineDaysAgo_TrueButNotThirtyOne()
    {
        Assert.True(FaultHistoryRules.IsRepeat(T0, T0.AddDays(29), _options));
        Assert.False(FaultHistoryRules.IsRepeat(T0, T0.AddDays(31), _options));
        Assert.False(FaultHistoryRules.IsRepeat(null, T0, _options));
    }

    [Fact]
    public void SelfRestoreAt_UsesConfiguredGrace() =>
        Assert.Equal(T0.AddMinutes(5), FaultHistoryRules.SelfRestoreAt(T0, new LifecycleOptions { SelfRestoreGraceMinutes = 5 }));
}
