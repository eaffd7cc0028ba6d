using AfterSales.Cloud.Tickets.Correlation;
using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Tests.Unit;

public class CorrelationRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly CorrelationOptions _options = new();

    [Fact]
    public void Decide_CameraWhilePowerIsOut_FollowsTheRootCause() =>
        Assert.Equal(CorrelationDecision.FollowRootCause,
            CorrelationRules.Decide(FaultCodes.CameraOffline, DeviceKind.Camera, T0, rootCauseActive: true, T0.AddHours(-1), _options));

    [Fact]
    public void Decide_RecorderDiskWhilePowerIsOut_NotAConsequence_JoinsOrStarts() =>
        Assert.Equal(CorrelationDecision.StartIncident,
            CorrelationRules.Decide(FaultCodes.RecorderDiskFault, DeviceKind.Recorder, T0, rootCauseActive: true, T0.AddHours(-1), _options));

    [Fact]
    public void Decide_TwoFaultsMinutesApart_SameIncident() =>
        Assert.Equal(CorrelationDecision.JoinIncident,
            CorrelationRules.Decide(FaultCodes.ZoneTamper, DeviceKind.Zone, T0, rootCauseActive: false, T0.AddMinutes(-3), _options));

    [Fact]
    public void Decide_FaultAnHourLater_NewIncident() =>
        Assert.Equal(CorrelationDecision.StartIncident,
            CorrelationRules.Decide(FaultCodes.ZoneTamper, DeviceKind.Zone, T0, rootCauseActive: false, T0.AddHours(-1), _options));
}
