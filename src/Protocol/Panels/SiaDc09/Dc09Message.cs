namespace AfterSales.Protocol.Panels.SiaDc09;

/// <summary>
/// One DC-09 message, in clear text whether or not it travelled encrypted.
/// </summary>
/// <param name="Id">The id token without quotes or '*': SIA-DCS, ADM-CID, NULL, ACK, NAK, DUH.</param>
/// <param name="Encrypted">Whether the frame carried '*' and an AES-encrypted data part.</param>
/// <param name="Sequence">0–9999; the receiver echoes it in its ACK.</param>
/// <param name="Receiver">The hex digits after 'R', or null when absent.</param>
/// <param name="Prefix">The hex digits after 'L' (account prefix), or null when absent.</param>
/// <param name="Account">The hex digits after '#', or null when absent.</param>
/// <param name="Data">The payload between '[' and ']' after the '|' (e.g. <c>Nri1/AT00</c>); empty for NULL and ACK.</param>
/// <param name="DataAccount">The account repeated inside the brackets before '|' in clear-text frames, or null.</param>
/// <param name="ExtendedData">Each x-data block without its brackets, e.g. <c>X0E00000</c>.</param>
/// <param name="Timestamp">The UTC timestamp, or null when the frame had none.</param>
/// <param name="DataFields">Fields after the data inside the brackets, each without its '|', e.g. <c>AFront door</c> (ASCII text).</param>
public sealed record Dc09Message(
    string Id,
    bool Encrypted,
    int Sequence,
    string? Receiver,
    string? Prefix,
    string? Account,
    string Data,
    string? DataAccount,
    IReadOnlyList<string> ExtendedData,
    DateTimeOffset? Timestamp,
    IReadOnlyList<string>? DataFields = null);
