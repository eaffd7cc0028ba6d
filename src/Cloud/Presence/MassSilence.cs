namespace AfterSales.Cloud.Presence;

/// <summary>Most of the fleet quiet at once (docs/service-rules.md §2.14a), as the last sweep found it.</summary>
/// <param name="Quiet">Gateways not heard for half the promise, or with a last will standing.</param>
/// <param name="Watched">Gateways not already offline.</param>
public sealed record MassSilence(int Quiet, int Watched, DateTimeOffset Since);
