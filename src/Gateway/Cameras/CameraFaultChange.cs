namespace AfterSales.Gateway.Cameras;

/// <summary>A camera fault the policy has just raised (<see cref="IsActive"/>) or cleared, or its first verdict after start.</summary>
internal readonly record struct CameraFaultChange(string Fault, bool IsActive);
