using AfterSales.Protocol.Faults;

namespace AfterSales.Protocol.Contracts;

public sealed record SiteDevice
{
    public required string DeviceId { get; init; }

    public required DeviceKind DeviceKind { get; init; }

    public string? Name { get; init; }

    public string? Model { get; init; }

    public string? Serial { get; init; }

    /// <summary>Network address, serial port or bus address, depending on the kind.</summary>
    public string? Address { get; init; }
}
