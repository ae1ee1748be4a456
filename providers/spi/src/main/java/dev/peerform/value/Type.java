package dev.peerform.value;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The type system of Terraform's language (cty): three primitives, three collections whose elements share
 * one type, two structural types, and {@link #DYNAMIC} ("any": the type is not known yet).
 */
public sealed interface Type {

    Type STRING = Primitive.STRING;
    Type NUMBER = Primitive.NUMBER;
    Type BOOL = Primitive.BOOL;
    Type DYNAMIC = Dynamic.INSTANCE;

    enum Primitive implements Type {
        STRING, NUMBER, BOOL;

        @Override
        public String friendlyName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    enum Dynamic implements Type {
        INSTANCE;

        @Override
        public String friendlyName() {
            return "any";
        }
    }

    record ListType(Type element) implements Type {
        @Override
        public String friendlyName() {
            return "list of " + element.friendlyName();
        }
    }

    record SetType(Type element) implements Type {
        @Override
        public String friendlyName() {
            return "set of " + element.friendlyName();
        }
    }

    record MapType(Type element) implements Type {
        @Override
        public String friendlyName() {
            return "map of " + element.friendlyName();
        }
    }

    /** An object type; {@code optional} names the attributes a type constraint marks {@code optional(...)}. */
    record ObjectType(SortedMap<String, Type> attributes, Set<String> optional) implements Type {
        public ObjectType {
            attributes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
            optional = Set.copyOf(optional);
        }

        public ObjectType(Map<String, Type> attributes) {
            this(new TreeMap<>(attributes), Set.of());
        }

        @Override
        public String friendlyName() {
            return "object";
        }

        /** The type a value of this type has once converted: without the optional markers. */
        public ObjectType withoutOptional() {
            return optional.isEmpty() ? this : new ObjectType(attributes, Set.of());
        }
    }

    record TupleType(List<Type> elements) implements Type {
        public TupleType {
            elements = List.copyOf(elements);
        }

        @Override
        public String friendlyName() {
            return "tuple";
        }
    }

    /** How an error message names the type: "string", "list of number", "object". */
    String friendlyName();

    static Type list(Type element) {
        return new ListType(element);
    }

    static Type set(Type element) {
        return new SetType(element);
    }

    static Type map(Type element) {
        return new MapType(element);
    }

    static Type object(Map<String, Type> attributes) {
        return new ObjectType(attributes);
    }

    static Type tuple(List<Type> elements) {
        return new TupleType(elements);
    }

    default boolean isPrimitive() {
        return this instanceof Primitive;
    }

    default boolean isCollection() {
        return this instanceof ListType || this instanceof SetType || this instanceof MapType;
    }

    /** The element type of a list, set or map. */
    default Type elementType() {
        if (this instanceof ListType l) {
            return l.element();
        }
        if (this instanceof SetType s) {
            return s.element();
        }
        if (this instanceof MapType m) {
            return m.element();
        }
        throw new IllegalStateException(friendlyName() + " is not a collection type");
    }

    /** True when the type is, or contains, {@link #DYNAMIC}. */
    default boolean hasDynamic() {
        if (this == DYNAMIC) {
            return true;
        }
        if (isCollection()) {
            return elementType().hasDynamic();
        }
        if (this instanceof ObjectType o) {
            return o.attributes().values().stream().anyMatch(Type::hasDynamic);
        }
        if (this instanceof TupleType t) {
            return t.elements().stream().anyMatch(Type::hasDynamic);
        }
        return false;
    }

    /** Terraform's type expression syntax: {@code list(string)}, {@code object({a=number})}. */
    default String typeExpression() {
        if (this instanceof Primitive p) {
            return p.friendlyName();
        }
        if (this == DYNAMIC) {
            return "any";
        }
        if (this instanceof ListType l) {
            return "list(" + l.element().typeExpression() + ")";
        }
        if (this instanceof SetType s) {
            return "set(" + s.element().typeExpression() + ")";
        }
        if (this instanceof MapType m) {
            return "map(" + m.element().typeExpression() + ")";
        }
        if (this instanceof ObjectType o) {
            return o.attributes().entrySet().stream()
                    .map(e -> e.getKey() + "=" + (o.optional().contains(e.getKey())
                            ? "optional(" + e.getValue().typeExpression() + ")" : e.getValue().typeExpression()))
                    .collect(Collectors.joining(", ", "object({", "})"));
        }
        TupleType t = (TupleType) this;
        return t.elements().stream().map(Type::typeExpression).collect(Collectors.joining(", ", "tuple([", "])"));
    }
}
