namespace AfterSales.Protocol.Panels.SiaDc09;

/// <summary>One SIA DC-03 event inside a SIA-DCS data block: a two-letter code, its address (zone, user…) and area.</summary>
public sealed record SiaEvent(string Code, string Address, string? Area);
