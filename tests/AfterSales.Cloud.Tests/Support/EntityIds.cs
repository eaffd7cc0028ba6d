namespace AfterSales.Cloud.Tests.Support;

/// <summary>The database gives entities their ids, and nothing else may; a test without a database stands in for it.</summary>
internal static class EntityIds
{
    public static T WithId<T>(this T entity, long id)
        where T : class
    {
        typeof(T).GetProperty("Id")!.SetValue(entity, id);
        return entity;
    }
}
