namespace AfterSales.Gateway.Zones;

/// <summary>The <c>detail</c> of a zone fault: where the loop is wired and what it measured.</summary>
internal sealed record ZoneFaultDetail(int Channel, string Zone, double Volts, string State);
