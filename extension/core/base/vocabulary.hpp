// vocabulary.hpp - the words of a rate card: services, items, units, origins.
//
// Every price line is one item of one service, priced per one unit:
//
//   service    item                           unit
//   inference  input, output                  k_tokens (per 1,000 tokens) or
//              cached_input, cache_write      m_tokens (per 1,000,000 tokens)
//   inference  request                        request (per call)
//   inference  deployment                     node_hour, or hour (whole deployment)
//   training   lora, full, lora_merge         k_tokens or m_tokens (trained tokens)
//
// Which units an item may have follows from its kind (ItemKind): a token
// item is priced per k_tokens or m_tokens, a request per request, a
// deployment per node_hour or hour.  The 2025-07-08 page prices tokens per
// 1,000 (元/千tokens); the provider's newer catalog publishes input, cached
// input, output and per-request prices per million (元/百万tokens), so both
// token units are kept as published, never converted in the card.
//
// Items are also known by the labels the Xingchen page prints ('输入',
// 'LORA', '全量更新', 'LoRA合并', ...); the three items the page does not
// publish (cached_input, cache_write, request) have no label of their own.
// Origin says where a line came from.
//
//   maas::Item item;
//   maas::item_from_text("全量更新", item);   // true, Item::full
//   maas::item_name(item);                    // "full"
//   maas::unit_fits(Item::cached_input, Unit::m_tokens);   // true
//   maas::token_unit_exponent(Unit::m_tokens);             // -6: price x tokens x 10^-6
#pragma once

#include <cstdint>
#include <string_view>

namespace maas {

enum class Service : uint8_t { inference, training };
// New items go at the end: an Item indexes per-item tables (Model::versions).
enum class Item : uint8_t { input, output, deployment, lora, full, lora_merge, cached_input, cache_write, request };
enum class Unit : uint8_t { k_tokens, node_hour, hour, m_tokens, request };
constexpr int kItemCount = 9;
constexpr int kUnitCount = 5;

// What an item counts: tokens, calls, or hours of a deployment.
enum class ItemKind : uint8_t { tokens, request, deployment };

const char* service_name(Service s);
const char* item_name(Item i);
const char* unit_name(Unit u);
Service item_service(Item i);
ItemKind item_kind(Item i);

// True when `unit` is a unit of the item's kind: tokens per k_tokens or
// m_tokens, request per request, deployment per node_hour or hour.
bool unit_fits(Item item, Unit unit);
// The units an item may have, as a message lists them: "k_tokens or m_tokens".
const char* units_of(Item item);

// A token price per unit is a price per token x 10^exponent: -3 for
// k_tokens, -6 for m_tokens; 0 for the units that count no tokens.
inline int32_t token_unit_exponent(Unit u) { return u == Unit::k_tokens ? -3 : u == Unit::m_tokens ? -6 : 0; }

// 'input' .. 'request', or a published label ('输入', 'LORA', '全量更新',
// 'LoRA合并', ...); ASCII letters match case-insensitively.
bool item_from_text(std::string_view text, Item& out);
// The names exactly as service_name / unit_name write them.
bool service_from_text(std::string_view text, Service& out);
bool unit_from_text(std::string_view text, Unit& out);

// A currency as cards and rates write it: three letters A-Z ('CNY', 'USD').
bool is_currency_code(std::string_view text);

// A price or rate as published: digits with at most one point and digits on
// both sides ("0.00075", "150"); no sign, exponent or spaces.
bool is_plain_decimal(std::string_view text);

// builtin: the card compiled in; user: maas_load_card() or the user's tables.
enum class Origin : uint8_t { builtin, user };
const char* origin_name(Origin o);

}  // namespace maas
