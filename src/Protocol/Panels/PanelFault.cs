using AfterSales.Protocol.Faults;

namespace AfterSales.Protocol.Panels;

/// <summary>
/// A maintenance fault a panel message reports, before the gateway's fault tracker
/// deduplicates it and wraps it in a <c>FaultEvent</c>.
/// </summary>
/// <param name="Fault">A dotted fault code (see <see cref="FaultCodes"/> and <see cref="PanelFaultCodes"/>).</param>
/// <param name="State">Raised or cleared.</param>
/// <param name="DeviceId">The device on the panel: <c>panel</c>, <c>zone-012</c>, <c>rf-0180036</c>.</param>
public sealed record PanelFault(string Fault, FaultState State, string DeviceId);
