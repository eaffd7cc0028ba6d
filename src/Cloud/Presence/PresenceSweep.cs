namespace AfterSales.Cloud.Presence;

/// <summary>What one look for silence found.</summary>
/// <param name="Offline">Gateways to be reported offline now.</param>
/// <param name="Mass">Set while most of the fleet is quiet at once; nobody is judged offline then.</param>
/// <param name="MassSilenceEnded">This look ended a mass silence; silence counts again from now.</param>
public sealed record PresenceSweep(IReadOnlyList<SilentGateway> Offline, MassSilence? Mass, bool MassSilenceEnded)
{
    public static readonly PresenceSweep NotListening = new([], Mass: null, MassSilenceEnded: false);
}

/// <param name="Quiet">Gateways not heard for half the promise, or with a last will standing.</param>
/// <param name="Watched">Gateways not already offline.</param>
public sealed record MassSilence(int Quiet, int Watched, DateTimeOffset Since);
