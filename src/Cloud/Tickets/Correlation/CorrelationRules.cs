using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Tickets.Correlation;

/// <summary>Pure: how a new fault relates to what is already wrong on its site.</summary>
public static class CorrelationRules
{
    /// <summary>Faults that take other devices down with them: the site's power and its uplink.</summary>
    public static IReadOnlyList<string> RootCauseFaults { get; } =
        [FaultCodes.PowerMainsLoss, FaultCodes.PowerUndervoltage, FaultCodes.PanelAcLoss, FaultCodes.GatewayOffline];

    public static bool IsRootCause(string fault) => RootCauseFaults.Contains(fault);

    /// <summary>Devices that fail as a consequence when power or the uplink goes.</summary>
    public static bool CanFollow(DeviceKind kind) => kind is DeviceKind.Camera or DeviceKind.Zone or DeviceKind.Ptz;

    /// <param name="rootCauseActive">The site has a power or uplink ticket that is neither restored nor finished.</param>
    /// <param name="lastFaultOfOpenIncident">When the newest fault of the site's latest incident arrived, if it still has open tickets.</param>
    public static CorrelationDecision Decide(
        string fault,
        DeviceKind kind,
        DateTimeOffset at,
        bool rootCauseActive,
        DateTimeOffset? lastFaultOfOpenIncident,
        CorrelationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (rootCauseActive && CanFollow(kind) && !IsRootCause(fault))
        {
            return CorrelationDecision.FollowRootCause;
        }

        return lastFaultOfOpenIncident is { } last && at - last <= TimeSpan.FromMinutes(options.GroupWindowMinutes)
            ? CorrelationDecision.JoinIncident
            : CorrelationDecision.StartIncident;
    }
}
