using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace AfterSales.Cloud.Storage;

/// <summary>
/// Reference data read once per unit of work — one <see cref="CloudDb"/> context: a desk batch, a
/// request — and forgotten with it. The desk opens many tickets in one batch, and each asked the
/// database again for the same site, its contract and the same company's centres and technicians; a change saved
/// elsewhere is still seen by the next unit of work, as before.
/// </summary>
/// <remarks>A context is used by one thread at a time, and so is its memo.</remarks>
public sealed class UnitOfWorkMemo<TKey, TValue>
    where TKey : notnull
{
    /// <summary>Keys per read-ahead query: well below the parameter limits of SQLite and PostgreSQL.</summary>
    public const int ReadAheadChunk = 500;

    private readonly ConditionalWeakTable<CloudDb, Dictionary<TKey, TValue>> _byContext = [];

    public async Task<TValue> GetOrReadAsync(CloudDb db, TKey key, Func<Task<TValue>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var entries = _byContext.GetOrCreateValue(db);
        if (!entries.TryGetValue(key, out var value))
        {
            value = await read();
            entries[key] = value;
        }

        return value;
    }

    /// <summary>The value this unit of work has read for <paramref name="key"/>, if it has: for a memo its owner keeps up to date as the unit of work changes what it holds.</summary>
    public bool TryGet(CloudDb db, TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        value = default;
        return _byContext.TryGetValue(db, out var entries) && entries.TryGetValue(key, out value);
    }

    /// <summary>The same for a read that cannot be awaited (a synchronous caller such as the notification tenant lookup).</summary>
    public TValue GetOrRead(CloudDb db, TKey key, Func<TValue> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var entries = _byContext.GetOrCreateValue(db);
        if (!entries.TryGetValue(key, out var value))
        {
            value = read();
            entries[key] = value;
        }

        return value;
    }

    /// <summary>
    /// Reads the values of those <paramref name="keys"/> this unit of work has not read yet, many keys per
    /// read (a desk batch reads its sites in one query, not one per event). <paramref name="readChunk"/> gets
    /// up to <see cref="ReadAheadChunk"/> keys and answers for each of them.
    /// </summary>
    public async Task ReadAheadAsync(CloudDb db, IEnumerable<TKey> keys, Func<TKey[], Task<Func<TKey, TValue>>> readChunk)
    {
        ArgumentNullException.ThrowIfNull(readChunk);
        var entries = _byContext.GetOrCreateValue(db);
        foreach (var chunk in keys.Distinct().Where(key => !entries.ContainsKey(key)).ToList().Chunk(ReadAheadChunk))
        {
            var valueOf = await readChunk(chunk);
            foreach (var key in chunk)
            {
                entries.TryAdd(key, valueOf(key));
            }
        }
    }
}
