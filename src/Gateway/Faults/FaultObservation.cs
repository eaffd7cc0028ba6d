using System.Text.Json;
using AfterSales.Protocol.Faults;

namespace AfterSales.Gateway.Faults;

/// <summary>
/// What any watcher on the site (inputs, panels, cameras, PTZ, power, supervised zones) has
/// concluded about one fault of one device: active or not, as of <paramref name="ObservedAt"/>.
/// Watchers report their current view freely; the tracker turns it into events only on change.
/// </summary>
internal sealed record FaultObservation(
    string DeviceId,
    DeviceKind DeviceKind,
    string Fault,
    bool IsActive,
    FaultSeverity Severity,
    DateTimeOffset ObservedAt,
    JsonElement? Detail = null)
{
    /// <summary>The taxonomy's default severity, or major for a code the taxonomy does not know.</summary>
    public static FaultSeverity DefaultSeverity(string fault) =>
        FaultCodes.DefaultSeverities.TryGetValue(fault, out var s) ? s : FaultSeverity.Major;
}
