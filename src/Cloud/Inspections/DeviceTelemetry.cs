namespace AfterSales.Cloud.Inspections;

/// <summary>What the gateway told the cloud about one device over the recent past.</summary>
public sealed record DeviceTelemetry(string DeviceId, double Availability, int Faults, int ClockDriftFaults);
