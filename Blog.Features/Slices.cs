namespace Blog.Features;

/// <summary>Finds what the slices contribute (their endpoints, their services), so that no shared file lists the slices.</summary>
public static class Slices
{
    /// <summary>One instance of every class in Blog.Features that implements <typeparamref name="TContract"/>, in a fixed order.</summary>
    public static IEnumerable<TContract> Create<TContract>() =>
        typeof(Slices).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(typeof(TContract)))
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (TContract)Activator.CreateInstance(type)!);
}
