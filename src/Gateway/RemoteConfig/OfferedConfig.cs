namespace AfterSales.Gateway.RemoteConfig;

/// <summary>A site config as it came off the wire: the exact payload bytes and the cloud's signature beside them.</summary>
/// <param name="Signature">The <c>sig</c> user property (base64), or null when the message had none.</param>
/// <param name="KeyId">The <c>kid</c> user property naming the key that signed, or null; for the log only.</param>
internal sealed record OfferedConfig(byte[] Payload, string? Signature, string? KeyId);
