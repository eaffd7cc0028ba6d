namespace AfterSales.Gateway.Power;

/// <summary>The <c>detail</c> of a power fault: the reading that decided it and the threshold it crossed.</summary>
internal sealed record PowerFaultDetail(double SupplyVolts, double? CurrentAmps, double ThresholdVolts);
