import ProvenanceParsing

/// The people and organisations of one document, with every place they are
/// named, so that later mentions ("Kim", "KCNA", "he", "the agency") find the
/// entity an earlier one introduced.
struct SourceRegistry {
    struct Entity {
        var name: String
        var kind: Source.Kind
        var aliases: [String] = []
        var descriptions: [String] = []
        var mentions: [TextSpan] = []
        /// The same, to tell a mention seen before without a pass over them.
        var mentionSet: Set<TextSpan> = []
        /// Where each of its ``MentionRecord``s ends, ascending: how many come
        /// before a place is found by halving.
        var recordEnds: [Int] = []
        /// Lowercased words of the name, for surname matches.
        var words: [String]
        /// Used as a source (or publisher, or subject of a quotation): reported.
        var isReported = false
        /// For a person, as the text's pronouns or titles show it.
        var gender: Words.Gender?
    }

    /// A named mention, in document order, for resolving pronouns.
    struct MentionRecord {
        var entity: Int
        var span: TextSpan
        var sentence: Int
        /// Named as the subject of its sentence or as the source of a claim.
        var isSubject: Bool
    }

    private(set) var entities: [Entity] = []
    private(set) var mentions: [MentionRecord] = []
    private var byKey: [String: Int] = [:]
    /// People by the first and by the last word of their name, for surname
    /// and given-name matches without a pass over every entity. Entries may
    /// be stale (a name grew); lookups check them against the entity.
    private var peopleByWord: [String: [Int]] = [:]
    /// Learned aliases: alias key → full name.
    private var aliasTargets: [String: String] = [:]
    private let gazetteer = Gazetteer.standard

    /// The lookup form of a name: lowercase, without a leading "the", a
    /// possessive "'s" or punctuation other than "&", "-" and "'".
    static func key(_ name: String) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(name.utf8.count)
        for scalar in name.unicodeScalars {
            var value = scalar
            if scalar == "’" { value = "'" }
            if value.isASCII {
                let byte = UInt8(value.value)
                switch byte {
                case 0x41...0x5A: utf8.append(byte | 0x20)
                case 0x61...0x7A, 0x30...0x39, 0x20, 0x26, 0x2D, 0x27: utf8.append(byte)
                default: continue  // other ASCII punctuation
                }
                continue
            }
            if ScalarProperties.isUppercase(value) { value = ScalarProperties.firstLowercase(value) }
            if value.properties.generalCategory.isPunctuation { continue }
            UTF8.encode(value) { utf8.append($0) }
        }
        var start = 0
        if utf8.count >= 4, utf8[0] == 0x74, utf8[1] == 0x68, utf8[2] == 0x65, utf8[3] == 0x20 { start = 4 }  // "the "
        var end = utf8.count
        if end - start > 2, utf8[end - 2] == 0x27, utf8[end - 1] == 0x73 { end -= 2 }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    // MARK: Learning aliases

    /// Records that `alias` ("KCNA") names `full` ("Korean Central News Agency").
    mutating func learnAlias(_ alias: String, for full: String) {
        let aliasKey = Self.key(alias)
        let fullKey = Self.key(full)
        guard aliasKey != fullKey, !aliasKey.isEmpty, !fullKey.isEmpty else { return }
        aliasTargets[aliasKey] = full
        if let entity = byKey[fullKey] {
            addAlias(alias, to: entity)
        } else if let entity = byKey[aliasKey] {
            // The short form came first: the long one becomes the name.
            let old = entities[entity].name
            entities[entity].name = full
            entities[entity].words = Self.words(full)
            indexWords(of: entity)
            addAlias(old, to: entity)
            byKey[fullKey] = entity
        }
    }

    // MARK: Entities

    /// The entity called `name`, creating it when none matches. `kind` is a
    /// guess from the words; the gazetteer's kind wins.
    mutating func entity(named name: String, kind: Source.Kind, description: String? = nil) -> Int {
        let key = Self.key(name)
        // A short name the text spelled out: the entity goes by the full name.
        if let full = aliasTargets[key], Self.key(full) != key {
            let entity = entity(named: full, kind: kind == .person ? .organization : kind, description: description)
            addAlias(name, to: entity)
            return entity
        }
        // The name's words, read once if at all.
        var nameWords: [String]?
        func words() -> [String] {
            if let nameWords { return nameWords }
            let words = Self.words(ofKey: key)
            nameWords = words
            return words
        }
        if let found = match(name: name, key: key, words: words, kind: kind) {
            if let description, !entities[found].descriptions.contains(description) {
                entities[found].descriptions.append(description)
            }
            // A fuller name for a person seen by surname only ("Kim" → "Kim Jong Un").
            let words = kind == .person && entities[found].kind == .person ? words() : []
            if kind == .person, entities[found].kind == .person, words.count > entities[found].words.count,
                words.contains(where: entities[found].words.contains)
            {
                addAlias(entities[found].name, to: found)
                entities[found].name = name
                entities[found].words = words
                indexWords(of: found)
            } else if Self.key(entities[found].name) != key {
                addAlias(name, to: found)
            }
            byKey[key] = found
            return found
        }
        var entity = Entity(name: name, kind: kind, words: words())
        if kind == .person, let description {
            entity.gender = description.lowercased().split(whereSeparator: { !$0.isLetter })
                .lazy.compactMap { Words.genderedTitles[String($0)] }.first
        }
        if let organization = gazetteer.organization(named: name) {
            entity.kind = Self.kind(of: organization)
            if organization.name != name {
                entity.aliases.append(name)
                entity.name = organization.name
                entity.words = Self.words(organization.name)
            }
            for alias in organization.aliases where !entity.aliases.contains(alias) && alias != entity.name {
                entity.aliases.append(alias)
            }
        }
        if let description { entity.descriptions.append(description) }
        entities.append(entity)
        let index = entities.count - 1
        indexWords(of: index)
        byKey[key] = index
        byKey[Self.key(entity.name)] = index
        for alias in entity.aliases { byKey[Self.key(alias)] = index }
        return index
    }

    /// An entity standing for words that name nobody we know ("he" with no
    /// one before it, "officials").
    mutating func placeholder(named name: String, kind: Source.Kind) -> Int {
        let key = "\u{0}" + Self.key(name) + "\u{0}\(kind.rawValue)"
        if let found = byKey[key] { return found }
        entities.append(Entity(name: name, kind: kind, words: []))
        byKey[key] = entities.count - 1
        return entities.count - 1
    }

    private func match(name: String, key: String, words readWords: () -> [String], kind: Source.Kind) -> Int? {
        if let target = aliasTargets[key], let found = byKey[Self.key(target)] { return found }
        if let found = byKey[key] { return found }
        if let organization = gazetteer.organization(named: name) {
            if let found = byKey[Self.key(organization.name)] { return found }
            for alias in organization.aliases { if let found = byKey[Self.key(alias)] { return found } }
        }
        let words = readWords()
        // An acronym of an earlier name, or a name whose acronym came earlier.
        if words.count == 1, name.count >= 2, name.count <= 6, name == name.uppercased() {
            if let found = entities.lastIndex(where: { $0.kind != .person && Self.initials($0.name) == name }) { return found }
        }
        if words.count >= 2, kind != .person {
            let initials = Self.initials(name)
            if initials.count >= 2, let found = byKey[initials.lowercased()] { return found }
        }
        // A person by surname or by given name: "Mayer", "Kim" (the latest
        // such person, as a pass from the end would find).
        if kind == .person || kind == .unknown {
            if words.count == 1 {
                return (peopleByWord[words[0]] ?? []).filter { entity in
                    entities[entity].kind == .person
                        && (entities[entity].words.last == words[0] || entities[entity].words.first == words[0])
                }.max()
            }
            // "Kim Jong Un" after a bare "Kim".
            return words.flatMap { peopleByWord[$0] ?? [] }.filter { entity in
                entities[entity].kind == .person && entities[entity].words.count == 1 && words.contains(entities[entity].words[0])
            }.max()
        }
        return nil
    }

    /// Files a person under the first and last words of their name.
    private mutating func indexWords(of entity: Int) {
        guard entities[entity].kind == .person else { return }
        let words = entities[entity].words
        for word in Set([words.first, words.last].compactMap { $0 }) { peopleByWord[word, default: []].append(entity) }
    }

    private mutating func addAlias(_ alias: String, to entity: Int) {
        guard alias != entities[entity].name, !entities[entity].aliases.contains(alias) else { return }
        entities[entity].aliases.append(alias)
        byKey[Self.key(alias)] = entity
    }

    /// The existing entity a name matches, without creating one.
    func existing(named name: String) -> Int? {
        let key = Self.key(name)
        return match(name: name, key: key, words: { Self.words(ofKey: key) }, kind: .unknown)
    }

    // MARK: Mentions

    mutating func recordMention(of entity: Int, at span: TextSpan, sentence: Int, isSubject: Bool) {
        addMentionSpan(span, to: entity)
        mentions.append(MentionRecord(entity: entity, span: span, sentence: sentence, isSubject: isSubject))
        // Records come in reading order but for a few within a sentence: the
        // place found by halving is almost always the end.
        var position = entities[entity].recordEnds.count
        while position > 0, entities[entity].recordEnds[position - 1] > span.end { position -= 1 }
        entities[entity].recordEnds.insert(span.end, at: position)
    }

    /// How many of an entity's records end at or before `position`.
    private func recordCount(of entity: Int, endingBy position: Int) -> Int {
        let ends = entities[entity].recordEnds
        var low = 0
        var high = ends.count
        while low < high {
            let middle = (low + high) / 2
            if ends[middle] <= position { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The subject recorded for a sentence (its opening name, pronoun or description), if any.
    func subject(ofSentence sentence: Int) -> MentionRecord? {
        for record in mentions.reversed() {
            if record.sentence < sentence { break }
            if record.sentence == sentence, record.isSubject { return record }
        }
        return nil
    }

    /// What a pronoun or title showed of a person; the first sign wins.
    mutating func learn(_ gender: Words.Gender, of entity: Int) {
        if entities[entity].kind == .person, entities[entity].gender == nil { entities[entity].gender = gender }
    }

    mutating func markReported(_ entity: Int) {
        entities[entity].isReported = true
    }

    mutating func addMentionSpan(_ span: TextSpan, to entity: Int) {
        if entities[entity].mentionSet.insert(span).inserted { entities[entity].mentions.append(span) }
    }

    // MARK: Coreference

    /// The entity a pronoun at `position` refers to: for "he"/"she", the person
    /// named most recently as a subject (in this sentence before it, else in
    /// the nearest earlier sentence that names one), else any person named
    /// most recently; for "it", the nearest organisation; for "they"/"we", the
    /// nearest group or organisation.
    func resolvePronoun(_ pronoun: String, at position: Int, sentence: Int) -> MentionRecord? {
        let person = MatcherWords.personPronouns.contains(pronoun)
        let gender = Words.pronounGender[pronoun]
        let accepts: (Entity) -> Bool = { entity in
            if person { return entity.kind == .person && (gender == nil || entity.gender == nil || entity.gender == gender) }
            if pronoun == "it" { return entity.kind != .person && entity.kind != .group }
            return entity.kind != .person
        }
        return nearest(before: position, sentence: sentence, window: 6, accepts: accepts)
    }

    /// The entity a description ("the supreme leader", "the agency", "the
    /// company") refers to: the nearest earlier one whose name or
    /// descriptions contain the head word, else the nearest of the right kind.
    func resolveNominal(head: String, kind: Words.NominalKind, at position: Int, sentence: Int) -> MentionRecord? {
        // ("Sen. Ted Cruz" is the senator: a title's abbreviation is its word.)
        func isHead(_ word: Substring) -> Bool {
            word == head || Words.abbreviatedTitles[String(word.last == "." ? word.dropLast() : word)] == head
        }
        let byWord = nearest(before: position, sentence: sentence, window: 40) { entity in
            (entity.kind == .person) == (kind == .person)
                && (entity.words.contains { isHead($0[...]) }
                    || entity.descriptions.contains { $0.lowercased().split(separator: " ").contains(where: isHead) })
        }
        if let byWord { return byWord }
        // A specific office ("the mayor", "the spokeswoman", "the judge") held by
        // nobody the story described with it is someone it has not named, not
        // whoever was named last ("'Parasite' director Bong Joon Ho" is not the
        // mayor); a generic description ("the leader", "the official") may be anyone's.
        if kind == .person, !Words.genericPersonHeads.contains(head) { return nil }
        // A person by role: someone the story gave a title, before a bare name
        // — of several, the one the story names most ("the leader" is its
        // main figure more often than the last official quoted).
        if kind == .person, let titled = mostNamed(before: position, sentence: sentence, window: 12, accepts: { entity in
            entity.kind == .person && entity.descriptions.contains { description in
                description.lowercased().split(separator: " ").contains { Words.personTitles.contains(String($0)) }
            }
        }) {
            return titled
        }
        return nearest(before: position, sentence: sentence, window: 12) { entity in
            switch kind {
            case .person: entity.kind == .person
            case .agency: entity.kind == .agency || entity.kind == .wire
            case .outlet: entity.kind == .outlet || entity.kind == .organization
            // "the company" is the company named before; "the military" or "the government"
            // is that institution, not whichever organisation was named last.
            case .organization: entity.kind == .organization && Words.genericOrganizationHeads.contains(head)
            case .document: entity.kind == .agency || entity.kind == .wire || entity.kind == .outlet
            }
        }
    }

    /// Of the entities named in the window that fit, the one named most
    /// often in the document so far (ties: the latest); its latest mention.
    private func mostNamed(before position: Int, sentence: Int, window: Int, accepts: (Entity) -> Bool) -> MentionRecord? {
        var best: MentionRecord?
        var bestCount = 0
        for record in mentions.reversed() {
            if record.sentence <= sentence - window { break }
            guard record.span.end <= position, accepts(entities[record.entity]) else { continue }
            let count = recordCount(of: record.entity, endingBy: position)
            if count > bestCount {
                best = record
                bestCount = count
            }
        }
        return best
    }

    private func nearest(before position: Int, sentence: Int, window: Int, accepts: (Entity) -> Bool) -> MentionRecord? {
        var candidates: [MentionRecord] = []
        var targetSentence: Int?
        for record in mentions.reversed() {
            if record.sentence <= sentence - window { break }
            guard record.span.end <= position, accepts(entities[record.entity]) else { continue }
            // In this sentence: the subject, else the nearest mention before the words.
            if record.sentence == sentence {
                for earlier in mentions.reversed() {
                    if earlier.sentence != sentence { break }
                    if earlier.isSubject, earlier.span.end <= position, accepts(entities[earlier.entity]) { return earlier }
                }
                return record
            }
            // Earlier: the latest sentence that names a fitting entity, its subject first.
            if targetSentence == nil { targetSentence = record.sentence }
            if record.sentence != targetSentence { break }
            candidates.append(record)
        }
        return candidates.first(where: \.isSubject) ?? candidates.first
    }

    // MARK: Helpers

    static func words(_ name: String) -> [String] {
        words(ofKey: key(name))
    }

    /// The same from the name's key.
    static func words(ofKey key: String) -> [String] {
        // An ASCII key splits the same on bytes, without reading characters.
        if key.utf8.allSatisfy({ $0 < 0x80 }) {
            return key.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x2D }).map { String(decoding: $0, as: UTF8.self) }
        }
        return key.split(whereSeparator: { $0 == " " || $0 == "-" }).map { String($0) }
    }

    /// "Korean Central News Agency" → "KCNA".
    static func initials(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiInitials(name) }
        return String(name.split(separator: " ").filter { !Self.initialsSkipped.contains($0.lowercased()) }
            .compactMap(\.first).filter(\.isUppercase))
    }

    private static let initialsSkipped: Set<String> = ["of", "the", "and", "for", "de", "&"]

    /// The same for an ASCII name, on its bytes.
    static func asciiInitials(_ name: String) -> String {
        var initials: [UInt8] = []
        var name = name
        name.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                guard bytes[start] != 0x20 else {
                    start += 1
                    continue
                }
                var end = start
                while end < bytes.count, bytes[end] != 0x20 { end += 1 }
                let word = bytes[start..<end]
                let first = word[start]
                if first >= 0x41, first <= 0x5A, !Self.asciiInitialsSkipped.contains(where: { skipped in
                    skipped.count == word.count && zip(skipped, word).allSatisfy { $0 == ($1 | 0x20) || ($0 == $1) }
                }) {
                    initials.append(first)
                }
                start = end
            }
        }
        return String(decoding: initials, as: UTF8.self)
    }

    private static let asciiInitialsSkipped = initialsSkipped.map { Array($0.utf8) }

    static func kind(of organization: NewsOrganization) -> Source.Kind {
        switch organization.kind {
        case .agency: .agency
        case .wire: .wire
        case .photoAgency: .photoAgency
        case .broadcaster, .outlet: .outlet
        }
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation:
            true
        default:
            false
        }
    }
}
