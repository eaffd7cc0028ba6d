using AfterSales.Protocol.Panels;
using AfterSales.Protocol.Panels.SiaDc09;

namespace AfterSales.Gateway.Panels.Dc09;

/// <summary>The receiver's decision on one frame: what to send back, why, whose it was and what it reported.</summary>
internal sealed record Dc09Verdict(
    Dc09Answer Answer,
    byte[] Response,
    string? Reason,
    Dc09AccountConfig? Account,
    IReadOnlyList<PanelFault> Faults,
    Dc09Message? Message = null);
