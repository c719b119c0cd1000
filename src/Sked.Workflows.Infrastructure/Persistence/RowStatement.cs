using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sked.Workflows.Infrastructure.Persistence;

/// <summary>
/// One entity type's INSERT for <see cref="NewRowWriter"/>, read from EF's model: the columns of its
/// table (its owned types' columns too, which share the row), each value read as EF reads it and bound
/// through the column's type mapping, converter included. A store-generated key is left out for the
/// database to give, as EF's insert does. A type this does not cover (inheritance, computed or
/// defaulted columns, owned rows in tables of their own) is marked unusable, and its rows go through EF.
/// </summary>
internal sealed class RowStatement
{
    private readonly Column[] _columns;
    private readonly IProperty[] _mayBeTemporary;
    private readonly IProperty? _generatedKey;
    private readonly IProperty[] _givenKey = [];

    private RowStatement(IEntityType type, string table, Column[] columns, IProperty[] mayBeTemporary, IProperty? generatedKey)
    {
        _columns = columns;
        _mayBeTemporary = mayBeTemporary;
        _generatedKey = generatedKey;
        _givenKey = [.. type.FindPrimaryKey()?.Properties.Where(p => p != generatedKey) ?? []];
        Rank = RankOf(type, depth: 0);
        UntrackedWritable = type.GetProperties().All(p => !p.IsShadowProperty() || (p.IsNullable && !p.IsKey() && !p.IsForeignKey()));
        Usable = true;
        var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
        PositionalSql = $"INSERT INTO {Quote(table)} ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => "$" + (i + 1)))})";
        NamedSql = $"INSERT INTO {Quote(table)} ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
    }

    private RowStatement()
    {
        _columns = [];
        _mayBeTemporary = [];
        PositionalSql = NamedSql = string.Empty;
    }

    public bool Usable { get; }

    /// <summary>Whether an entity the context does not track can be written: it has no shadow value that must be given (its shadow columns are nullable).</summary>
    public bool UntrackedWritable { get; }

    /// <summary>How deep the type sits under the tables its foreign keys point to: rows are written lowest rank first.</summary>
    public int Rank { get; }

    /// <summary>With $1, $2… (PostgreSQL, parameters without names).</summary>
    public string PositionalSql { get; }

    /// <summary>With @p0, @p1… (SQLite).</summary>
    public string NamedSql { get; }

    public static RowStatement For(IEntityType type)
    {
        if (type.GetTableName() is not { } table || type.BaseType is not null || type.GetDerivedTypes().Any()
            || type.GetComplexProperties().Any() || type.GetProperties().Any(Unwritable))
        {
            return new RowStatement();
        }

        var generatedKey = type.FindPrimaryKey() is { Properties: [{ ValueGenerated: ValueGenerated.OnAdd } key] } && key.ClrType == typeof(long) ? key : null;
        var columns = type.GetProperties().Where(p => p != generatedKey).Select(p => Column.Of(p, owner: null)).ToList();
        foreach (var owned in type.GetNavigations().Where(n => n.ForeignKey.IsOwnership))
        {
            var target = owned.TargetEntityType;
            if (owned.IsCollection || target.GetTableName() != table || target.GetNavigations().Any() || target.GetProperties().Any(Unwritable))
            {
                return new RowStatement();
            }

            columns.AddRange(target.GetProperties().Where(p => !p.IsPrimaryKey()).Select(p => Column.Of(p, owned)));
        }

        var mayBeTemporary = type.GetProperties().Where(p => p.ValueGenerated != ValueGenerated.Never || p.IsForeignKey()).ToArray();
        return new RowStatement(type, table, [.. columns], mayBeTemporary, generatedKey);
    }

    /// <summary>Whether this statement writes the entry as SaveChanges would: no value on it is a temporary stand-in, except the key the database gives.</summary>
    public bool CanWrite(EntityEntry entry)
    {
        foreach (var property in _mayBeTemporary)
        {
            if (entry.Property(property).IsTemporary != (property == _generatedKey))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether an untracked entity has its key: EF would generate a missing one, this writer does not.</summary>
    public bool HasKey(object entity)
    {
        foreach (var key in _givenKey)
        {
            if (key.IsShadowProperty() || Equals(key.GetGetter().GetClrValueUsingContainingEntity(entity), key.Sentinel))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Adds the entity's values as parameters, each made by <paramref name="maker"/> through its column's
    /// type mapping. Shadow values come from its <paramref name="entry"/>; an untracked entity has none (null).
    /// </summary>
    public void Bind(object entity, EntityEntry? entry, DbCommand maker, DbParameterCollection parameters, bool positional)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            parameters.Add(column.Mapping.CreateParameter(maker, positional ? string.Empty : "@p" + i, column.Read(entity, entry), column.Nullable));
        }
    }

    // Values the database computes or defaults are EF's business: such a type is written by EF.
    private static bool Unwritable(IProperty property) =>
        property.GetComputedColumnSql() is not null || property.GetDefaultValueSql() is not null || property.TryGetDefaultValue(out _)
        || property.ValueGenerated == ValueGenerated.OnAddOrUpdate;

    private static int RankOf(IEntityType type, int depth) => depth > 16 ? depth : type.GetForeignKeys()
        .Where(fk => !fk.IsOwnership && fk.PrincipalEntityType != type)
        .Select(fk => RankOf(fk.PrincipalEntityType, depth + 1) + 1)
        .DefaultIfEmpty(0)
        .Max();

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>One column: where its value is read from (the entity, or the owned object it holds) and its mapping.</summary>
    private sealed class Column
    {
        private readonly IProperty _property;
        private readonly INavigation? _owner;

        private Column(IProperty property, INavigation? owner)
        {
            _property = property;
            _owner = owner;
            Name = property.GetColumnName();
            Mapping = property.GetRelationalTypeMapping();
            Nullable = property.IsNullable;
        }

        public string Name { get; }

        public RelationalTypeMapping Mapping { get; }

        public bool Nullable { get; }

        public static Column Of(IProperty property, INavigation? owner) => new(property, owner);

        public object? Read(object entity, EntityEntry? entry)
        {
            if (_owner is null)
            {
                return _property.IsShadowProperty() ? entry?.Property(_property).CurrentValue : _property.GetGetter().GetClrValueUsingContainingEntity(entity);
            }

            return _owner.GetGetter().GetClrValueUsingContainingEntity(entity) is { } owned ? _property.GetGetter().GetClrValue(owned) : null;
        }
    }
}
