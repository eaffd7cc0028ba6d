using AfterSales.Gateway.Configuration;

namespace AfterSales.Gateway.Inputs;

/// <summary>A debounced change of one input, confirmed at <paramref name="ConfirmedAt"/>.</summary>
internal sealed record InputChange(InputConfig Input, bool IsFault, DateTimeOffset ConfirmedAt);
