namespace AfterSales.Gateway.Power;

/// <summary>One measurement. <see cref="CurrentAmps"/> is null when the chip flagged a math overflow.</summary>
internal readonly record struct Ina219Reading(double BusVolts, double ShuntVolts, double? CurrentAmps);
