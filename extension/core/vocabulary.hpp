// vocabulary.hpp - the words of a rate card: services, items, units, origins.
//
// Every price line is one item of one service, priced per one unit:
//
//   service    item                           unit
//   inference  input, output                  k_tokens (per 1,000 tokens)
//   inference  deployment                     node_hour, or hour (whole deployment)
//   training   lora, full, lora_merge         k_tokens (per 1,000 trained tokens)
//
// Items are also known by the labels the Xingchen page prints ('输入',
// 'LORA', '全量更新', 'LoRA合并', ...).  Origin says where a line came from.
//
//   maas::Item item;
//   maas::item_from_text("全量更新", item);   // true, Item::full
//   maas::item_name(item);                    // "full"
#pragma once

#include <cstdint>
#include <string_view>

namespace maas {

enum class Service : uint8_t { inference, training };
enum class Item : uint8_t { input, output, deployment, lora, full, lora_merge };
enum class Unit : uint8_t { k_tokens, node_hour, hour };
constexpr int kItemCount = 6;

const char* service_name(Service s);
const char* item_name(Item i);
const char* unit_name(Unit u);
Service item_service(Item i);

// 'input' .. 'lora_merge', or a published label ('输入', 'LORA', '全量更新',
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
