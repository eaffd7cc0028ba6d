namespace AfterSales.Gateway.Panels.Dc09;

/// <summary>What the receiver answers, in the standard's three words.</summary>
internal enum Dc09Answer
{
    /// <summary>Accepted and processed.</summary>
    Ack,

    /// <summary>Rejected: damaged (CRC, length, decryption) or outside the timestamp window; the panel retries.</summary>
    Nak,

    /// <summary>Well formed but not supported here: unknown account, no key for an encrypted frame, a message type or payload the receiver does not handle.</summary>
    Duh,
}
