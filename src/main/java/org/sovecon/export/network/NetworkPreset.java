package org.sovecon.export.network;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sovecon.export.network.Network.Edge;
import org.sovecon.export.network.Network.EdgeKind;
import org.sovecon.export.network.Network.Node;

/**
 * The ready-made networks, each one rule over the whole network's edges: which edge kinds, which
 * properties (none listed: any), and which kinds of node at either end. Adding a network is adding a
 * constant.
 */
public enum NetworkPreset {
  ALL("all", "every fact and claim linking two entities", true,
      Set.of(EdgeKind.FACT, EdgeKind.CLAIM), Set.of(), Set.of(), Set.of(), false),
  PEOPLE_BODIES("people-bodies", "people and the bodies they belonged to, led or held posts in, and the posts' bodies", true,
      Set.of(EdgeKind.FACT, EdgeKind.CLAIM),
      Set.of("memberOf", "heldPost", "postIn", "led", "removedFrom", "expelledFrom", "appointedBy"),
      Set.of("Person", "Post"), Set.of("Organisation", "Faction", "Post", "Person"), false),
  PEOPLE_POLICIES("people-policies", "people and policies or plans: positions taken, proposals, authorship, and claims about them", true,
      Set.of(EdgeKind.FACT, EdgeKind.CLAIM), Set.of(), Set.of("Person"), Set.of("Policy", "Plan"), true),
  BODIES_HIERARCHY("bodies-hierarchy", "bodies and the bodies they were part of or subordinate to", true,
      Set.of(EdgeKind.FACT), Set.of("partOf", "subordinateTo"), Set.of("Organisation", "Faction"),
      Set.of("Organisation", "Faction"), false),
  CO_OCCURRENCE("co-occurrence", "entities named by statements that cite the same passage (undirected)", false,
      Set.of(EdgeKind.CO_OCCURRENCE), Set.of(), Set.of(), Set.of(), false);

  private final String id;
  private final String description;
  private final boolean directed;
  private final Set<EdgeKind> kinds;
  private final Set<String> properties;
  private final Set<String> sourceKinds;
  private final Set<String> targetKinds;
  private final boolean eitherWay;

  NetworkPreset(String id, String description, boolean directed, Set<EdgeKind> kinds, Set<String> properties,
      Set<String> sourceKinds, Set<String> targetKinds, boolean eitherWay) {
    this.id = id;
    this.description = description;
    this.directed = directed;
    this.kinds = kinds;
    this.properties = properties;
    this.sourceKinds = sourceKinds;
    this.targetKinds = targetKinds;
    this.eitherWay = eitherWay;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  public static Optional<NetworkPreset> byId(String id) {
    return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
  }

  public static String ids() {
    return Arrays.stream(values()).map(NetworkPreset::id).collect(Collectors.joining(", "));
  }

  /** This preset's network, cut from the whole one. */
  public Network of(Network whole) {
    Map<String, Node> nodes = whole.nodesById();
    return whole.select(id, directed, e -> accepts(e, nodes));
  }

  private boolean accepts(Edge e, Map<String, Node> nodes) {
    if (!kinds.contains(e.kind())) return false;
    if (!properties.isEmpty() && !properties.contains(e.property())) return false;
    String from = nodes.get(e.source()).kind(), to = nodes.get(e.target()).kind();
    return ends(from, to) || (eitherWay && ends(to, from));
  }

  private boolean ends(String from, String to) {
    return (sourceKinds.isEmpty() || sourceKinds.contains(from)) && (targetKinds.isEmpty() || targetKinds.contains(to));
  }
}
