namespace AfterSales.Gateway.Panels;

/// <summary>The <c>detail</c> of a panel fault: which panel, how it is connected, and the frame that said so.</summary>
internal sealed record PanelFaultDetail(string Panel, string Protocol, string Link, string? Frame);
