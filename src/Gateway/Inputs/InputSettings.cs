namespace AfterSales.Gateway.Inputs;

/// <summary>The dry contacts and how often their pins are read (gateway.json's <c>inputs</c> and <c>pollIntervalMilliseconds</c>).</summary>
internal sealed record InputSettings(IReadOnlyList<InputConfig> Inputs, TimeSpan PollInterval);
