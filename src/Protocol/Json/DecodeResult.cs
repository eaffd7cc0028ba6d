using System.Diagnostics.CodeAnalysis;

namespace AfterSales.Protocol.Json;

/// <summary>A parsed payload, or the reason it was rejected. Decoding never throws for bad input.</summary>
public readonly record struct DecodeResult<T>(T? Value, string? Error)
    where T : class
{
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Value is not null;
}
