using System.Diagnostics.CodeAnalysis;

namespace AfterSales.Gateway.Configuration;

/// <summary>A valid configuration, or one operator-readable line saying what is wrong and where.</summary>
internal readonly record struct ConfigLoadResult(GatewayConfig? Config, string? Error)
{
    [MemberNotNullWhen(true, nameof(Config))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Config is not null;
}
